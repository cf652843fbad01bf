/** Builds a library directly through the library store (part A's API), with given vectors. */
import { getLibraryStore } from '../../../src/core/library/store'

export interface FixtureChunk {
  text: string
  document: string
  meta?: Record<string, string>
}

/**
 * Creates library `name` in `userDataDir` holding `chunks` with `vectors` ([n, dim], normalised),
 * marked as made by `modelId`. Returns its id.
 */
export async function makeLibrary(userDataDir: string, name: string, modelId: string, chunks: FixtureChunk[], vectors: Float32Array, dim: number): Promise<string> {
  const store = await getLibraryStore(userDataDir)
  const lib = await store.create(name, modelId)
  await store.patch(lib.id, { dim })
  const docs = [...new Set(chunks.map((c) => c.document))]
  await store.addDocuments(lib.id, docs.map((d) => ({ id: `d-${d}`, name: d, format: 'txt', encoding: 'utf-8', bytes: 0, chunks: chunks.filter((c) => c.document === d).length, addedAt: Date.now() })))
  const rows = chunks.map((c, i) => ({
    id: `c${i}`,
    documentId: `d-${c.document}`,
    documentName: c.document,
    text: c.text,
    start: 0,
    end: c.text.length,
    meta: JSON.stringify(c.meta ?? {}),
    hash: `h${i}`,
    vector: vectors.slice(i * dim, (i + 1) * dim)
  }))
  await store.addChunks(lib.id, rows, dim)
  return lib.id
}
