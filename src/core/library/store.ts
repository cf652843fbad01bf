/**
 * The libraries of one user-data folder: the catalog (catalog.json) and, in LanceDB under
 * `<userData>/libraries/lancedb`, each library's documents and chunks with their vectors.
 * One instance per folder ({@link getLibraryStore}); every write is serialised per library.
 * The embedding-space explorer reads through {@link LibraryStore.vectors} and {@link LibraryStore.chunks}.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import * as lancedb from '@lancedb/lancedb'
import { AppError } from '../../shared/errors'
import { Catalog, type LibraryRecord } from './catalog'
import { type ChunkRow, chunksSchema, chunksTable, type DocumentRow, docsSchema, docsTable, sqlString, stringColumn, vectorColumn } from './tables'

/** One stored chunk as the rest of the app sees it. `start`/`end`: character offsets in its document's text. */
export interface ChunkRecord {
  id: string
  libraryId: string
  documentId: string
  documentName: string
  text: string
  start: number
  end: number
  meta: Record<string, string>
}

/** Every vector of a library. `vectors` is row-major `[ids.length, dim]`, L2-normalised. */
export interface LibraryVectors {
  ids: string[]
  vectors: Float32Array
  dim: number
  modelId: string
}

export type { ChunkRow, DocumentRow, LibraryRecord }

/** The first 16 hex digits of SHA-256 of the text with whitespace collapsed (duplicate detection). */
export function textHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16)
}

const stores = new Map<string, Promise<LibraryStore>>()

/** The store of `userDataDir` (created on first use; one instance per folder). */
export function getLibraryStore(userDataDir: string): Promise<LibraryStore> {
  let s = stores.get(userDataDir)
  if (!s) {
    s = LibraryStore.open(userDataDir)
    stores.set(userDataDir, s)
    s.catch(() => stores.delete(userDataDir))
  }
  return s
}

export class LibraryStore {
  private readonly locks = new Map<string, Promise<unknown>>()

  private constructor(
    readonly dir: string,
    private readonly db: lancedb.Connection,
    readonly catalog: Catalog
  ) {}

  static async open(userDataDir: string): Promise<LibraryStore> {
    const dir = join(userDataDir, 'libraries')
    await mkdir(dir, { recursive: true })
    const db = await lancedb.connect(join(dir, 'lancedb'))
    return new LibraryStore(dir, db, new Catalog(dir))
  }

  /** Runs `work` after every earlier write to the same library has finished. */
  exclusive<T>(libraryId: string, work: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(libraryId) ?? Promise.resolve()
    const next = prev.then(work, work)
    this.locks.set(libraryId, next.catch(() => undefined))
    return next
  }

  async list(): Promise<LibraryRecord[]> {
    return this.catalog.all()
  }

  /** @throws AppError BAD_REQUEST if there is no such library. */
  async get(libraryId: string): Promise<LibraryRecord> {
    const lib = (await this.catalog.all()).find((l) => l.id === libraryId)
    if (!lib) throw new AppError('BAD_REQUEST', `There is no library "${libraryId}"; it may have been deleted.`)
    return lib
  }

  async create(name: string, modelId: string, sample = false): Promise<LibraryRecord> {
    const now = Date.now()
    const lib: LibraryRecord = { id: `lib${randomBytes(6).toString('hex')}`, name, modelId, dim: 0, createdAt: now, updatedAt: now, sample, generation: 0 }
    await this.db.createEmptyTable(docsTable(lib.id), docsSchema, { mode: 'overwrite' })
    await this.catalog.update((all) => all.push(lib))
    return lib
  }

  async rename(libraryId: string, name: string): Promise<LibraryRecord> {
    return this.patch(libraryId, { name })
  }

  /** Updates catalog fields of one library. @throws AppError BAD_REQUEST if it does not exist. */
  async patch(libraryId: string, patch: Partial<Omit<LibraryRecord, 'id'>>): Promise<LibraryRecord> {
    return this.catalog.update((all) => {
      const lib = all.find((l) => l.id === libraryId)
      if (!lib) throw new AppError('BAD_REQUEST', `There is no library "${libraryId}"; it may have been deleted.`)
      Object.assign(lib, patch, { updatedAt: Date.now() })
      return { ...lib }
    })
  }

  /** Removes a library from the catalog, then drops its tables. */
  async delete(libraryId: string): Promise<boolean> {
    const existed = await this.catalog.update((all) => {
      const i = all.findIndex((l) => l.id === libraryId)
      if (i >= 0) all.splice(i, 1)
      return i >= 0
    })
    await this.exclusive(libraryId, async () => {
      for (const name of await this.db.tableNames()) {
        if (name === docsTable(libraryId) || name.startsWith(`chunks_${libraryId}_`)) await this.db.dropTable(name)
      }
    })
    return existed
  }

  private async table(name: string): Promise<lancedb.Table | null> {
    const names = await this.db.tableNames()
    return names.includes(name) ? this.db.openTable(name) : null
  }

  /** The chunk table of the library's current generation (null before the first chunk). */
  private async currentChunks(libraryId: string): Promise<{ lib: LibraryRecord; table: lancedb.Table | null }> {
    const lib = await this.get(libraryId)
    return { lib, table: await this.table(chunksTable(libraryId, lib.generation)) }
  }

  /** Adds document rows (written before their chunks, so a resumed import finds them). */
  async addDocuments(libraryId: string, docs: DocumentRow[]): Promise<void> {
    if (docs.length === 0) return
    const table = await this.table(docsTable(libraryId))
    const t = table ?? (await this.db.createEmptyTable(docsTable(libraryId), docsSchema))
    await t.add(docs as unknown as Record<string, unknown>[])
  }

  async documents(libraryId: string): Promise<DocumentRow[]> {
    const t = await this.table(docsTable(libraryId))
    if (!t) return []
    return (await t.query().toArray()).map((r: Record<string, unknown>) => ({
      id: String(r.id),
      name: String(r.name),
      format: String(r.format),
      encoding: String(r.encoding),
      bytes: Number(r.bytes),
      chunks: Number(r.chunks),
      addedAt: Number(r.addedAt)
    }))
  }

  /** Deletes documents and their chunks (a cancelled import's partial documents). */
  async deleteDocuments(libraryId: string, documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return
    const list = documentIds.map(sqlString).join(', ')
    await (await this.table(docsTable(libraryId)))?.delete(`id IN (${list})`)
    await (await this.currentChunks(libraryId)).table?.delete(`documentId IN (${list})`)
  }

  /**
   * Appends chunks with their vectors to generation `generation` (default: the current one),
   * creating the table on first use. One call is one LanceDB commit: all rows or none.
   * @throws AppError BAD_REQUEST if `dim` differs from the table's.
   */
  async addChunks(libraryId: string, rows: ChunkRow[], dim: number, generation?: number): Promise<void> {
    if (rows.length === 0) return
    const gen = generation ?? (await this.get(libraryId)).generation
    const name = chunksTable(libraryId, gen)
    const t = (await this.table(name)) ?? (await this.db.createEmptyTable(name, chunksSchema(dim)))
    await t.add(rows as unknown as Record<string, unknown>[])
  }

  /** Ids of the chunks stored in a generation (default: current), for resuming. */
  async chunkIds(libraryId: string, generation?: number): Promise<Set<string>> {
    const gen = generation ?? (await this.get(libraryId)).generation
    const t = await this.table(chunksTable(libraryId, gen))
    if (!t) return new Set()
    return new Set(stringColumn(await t.query().select(['id']).toArrow(), 'id'))
  }

  /** Text hashes of the library's chunks (duplicate detection). */
  async chunkHashes(libraryId: string): Promise<Set<string>> {
    const { table } = await this.currentChunks(libraryId)
    if (!table) return new Set()
    return new Set(stringColumn(await table.query().select(['hash']).toArrow(), 'hash'))
  }

  /** Number of documents of the library. */
  async countDocuments(libraryId: string): Promise<number> {
    const t = await this.table(docsTable(libraryId))
    return t ? t.countRows() : 0
  }

  /** Number of chunks in the current generation. */
  async countChunks(libraryId: string): Promise<number> {
    const { table } = await this.currentChunks(libraryId)
    return table ? table.countRows() : 0
  }

  /** Vector length of a generation's table (0 if it has no table yet). */
  async generationDim(libraryId: string, generation: number): Promise<number> {
    const t = await this.table(chunksTable(libraryId, generation))
    const type = (await t?.schema())?.fields.find((f) => f.name === 'vector')?.type as { listSize?: number } | undefined
    return type?.listSize ?? 0
  }

  /** Drops a chunk generation (an abandoned or replaced re-embed). */
  async dropGeneration(libraryId: string, generation: number): Promise<void> {
    if (await this.table(chunksTable(libraryId, generation))) await this.db.dropTable(chunksTable(libraryId, generation))
  }

  /** Reads chunk rows of a generation page by page (re-embedding), `limit` rows from `offset`. */
  async chunkRows(libraryId: string, generation: number, offset: number, limit: number): Promise<ChunkRow[]> {
    const t = await this.table(chunksTable(libraryId, generation))
    if (!t) return []
    const rows = await t.query().select(['id', 'documentId', 'documentName', 'text', 'start', 'end', 'meta', 'hash']).offset(offset).limit(limit).toArray()
    return rows.map((r: Record<string, unknown>) => ({ ...toRecordFields(r), meta: String(r.meta), hash: String(r.hash), vector: new Float32Array(0) }))
  }

  /** The model that made the library's vectors (`imported` for brought-in vectors). */
  async libraryModel(libraryId: string): Promise<string> {
    return (await this.get(libraryId)).modelId
  }

  /** Every vector of the library with its chunk id (see {@link LibraryVectors}). */
  async vectors(libraryId: string): Promise<LibraryVectors> {
    const { lib, table } = await this.currentChunks(libraryId)
    if (!table) return { ids: [], vectors: new Float32Array(0), dim: lib.dim, modelId: lib.modelId }
    const arrow = await table.query().select(['id', 'vector']).toArrow()
    return { ids: stringColumn(arrow, 'id'), vectors: vectorColumn(arrow, lib.dim), dim: lib.dim, modelId: lib.modelId }
  }

  /** Chunks of the library: all of them, or those with `ids` (in that order; unknown ids are skipped). */
  async chunks(libraryId: string, ids?: string[]): Promise<ChunkRecord[]> {
    const { table } = await this.currentChunks(libraryId)
    if (!table) return []
    let q = table.query().select(['id', 'documentId', 'documentName', 'text', 'start', 'end', 'meta'])
    if (ids && ids.length <= 1000) q = q.where(ids.length ? `id IN (${ids.map(sqlString).join(', ')})` : 'false')
    const rows = (await q.toArray()).map((r: Record<string, unknown>) => ({ libraryId, ...toRecordFields(r), meta: parseMeta(r.meta) }))
    if (!ids) return rows
    const byId = new Map(rows.map((r) => [r.id, r]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }
}

function toRecordFields(r: Record<string, unknown>): Omit<ChunkRecord, 'libraryId' | 'meta'> {
  return { id: String(r.id), documentId: String(r.documentId), documentName: String(r.documentName), text: String(r.text), start: Number(r.start), end: Number(r.end) }
}

function parseMeta(value: unknown): Record<string, string> {
  try {
    const m = JSON.parse(String(value)) as unknown
    return m && typeof m === 'object' ? (m as Record<string, string>) : {}
  } catch {
    return {}
  }
}
