/**
 * A library's vectors and light chunk data, read once from the library store and kept in memory
 * until the library changes (its generation, update time or chunk count).
 */
import { createHash } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { MetaColumn, SpacePoints } from '../../shared/contract/space'
import { getLibraryStore, type LibraryStore } from '../library/store'

/** Everything the space handlers need about one library. */
export interface SpaceData {
  points: SpacePoints
  /** [n, dim] L2-normalised. */
  vectors: Float32Array
  /** Full chunk texts, row i = chunk i (clusters, exports). */
  texts: string[]
  /** SHA-1 of the ids in order: a cached layout is valid only for the same fingerprint. */
  fingerprint: string
}

const PREVIEW_CHARS = 200

/** Turns per-chunk metadata objects into columns of distinct values (at most 20 columns). */
export function metaColumns(metas: Record<string, string>[]): MetaColumn[] {
  const names = [...new Set(metas.flatMap((m) => Object.keys(m)))].slice(0, 20)
  return names.map((name) => {
    const values: string[] = []
    const seen = new Map<string, number>()
    const index = new Int32Array(metas.length)
    metas.forEach((m, i) => {
      const v = m[name]
      if (v === undefined || v === '') return void (index[i] = -1)
      let j = seen.get(v)
      if (j === undefined) seen.set(v, (j = values.push(v) - 1))
      index[i] = j
    })
    return { name, values, index }
  })
}

export class SpaceDataCache {
  private readonly entries = new Map<string, { version: string; data: Promise<SpaceData> }>()

  constructor(private readonly userDataDir: string) {}

  store(): Promise<LibraryStore> {
    return getLibraryStore(this.userDataDir)
  }

  /**
   * The library's data, reloaded if the library changed.
   * @throws AppError BAD_REQUEST for an unknown library or one with no chunks yet.
   */
  async get(libraryId: string): Promise<SpaceData> {
    const store = await this.store()
    const lib = await store.get(libraryId)
    const version = `${lib.generation}:${lib.updatedAt}:${await store.countChunks(libraryId)}`
    const hit = this.entries.get(libraryId)
    if (hit?.version === version) return hit.data
    const data = load(store, libraryId)
    this.entries.set(libraryId, { version, data })
    data.catch(() => this.entries.delete(libraryId))
    return data
  }
}

async function load(store: LibraryStore, libraryId: string): Promise<SpaceData> {
  const [v, chunks] = await Promise.all([store.vectors(libraryId), store.chunks(libraryId)])
  if (v.ids.length === 0) throw new AppError('BAD_REQUEST', 'This library has no chunks yet. Import some text first.')
  const byId = new Map(chunks.map((c) => [c.id, c]))
  const docs = new Map<string, number>()
  const documents: string[] = []
  const documentIndex = new Int32Array(v.ids.length)
  const previews: string[] = []
  const texts: string[] = []
  const metas: Record<string, string>[] = []
  v.ids.forEach((id, i) => {
    const c = byId.get(id)
    const docName = c?.documentName ?? '?'
    let d = docs.get(docName)
    if (d === undefined) docs.set(docName, (d = documents.push(docName) - 1))
    documentIndex[i] = d
    texts.push(c?.text ?? '')
    previews.push((c?.text ?? '').slice(0, PREVIEW_CHARS))
    metas.push(c?.meta ?? {})
  })
  const fingerprint = createHash('sha1').update(v.ids.join('\n')).update(`:${v.dim}:${v.modelId}`).digest('hex')
  return {
    points: { libraryId, modelId: v.modelId, n: v.ids.length, dim: v.dim, ids: v.ids, documents, documentIndex, previews, meta: metaColumns(metas) },
    vectors: v.vectors,
    texts,
    fingerprint
  }
}
