import { afterEach, describe, expect, it } from 'vitest'
import { getLibraryStore, textHash, type ChunkRow } from '../../../src/core/library/store'
import { tempDir } from '../helpers'

const dirs: (() => void)[] = []
afterEach(() => dirs.splice(0).forEach((c) => c()))

function rows(docId: string, n: number, dim: number, from = 0): ChunkRow[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + from
    const v = new Float32Array(dim)
    v[i % dim] = 1
    return { id: `${docId}:${i}`, documentId: docId, documentName: `${docId}.txt`, text: `chunk ${i}`, start: i * 10, end: i * 10 + 7, meta: JSON.stringify({ row: String(i) }), hash: textHash(`chunk ${i}`), vector: v }
  })
}

describe('LibraryStore', () => {
  it('creates, stores chunks in several commits, reads vectors and chunks back, persists across instances', async () => {
    const { dir, cleanup } = tempDir()
    dirs.push(cleanup)
    const store = await getLibraryStore(dir)
    expect(await getLibraryStore(dir)).toBe(store)
    const lib = await store.create('Notes', 'm1')
    await store.patch(lib.id, { dim: 4 })
    await store.addDocuments(lib.id, [{ id: 'd1', name: 'd1.txt', format: 'txt', encoding: 'utf-8', bytes: 100, chunks: 5, addedAt: 1 }])
    await store.addChunks(lib.id, rows('d1', 3, 4), 4)
    await store.addChunks(lib.id, rows('d1', 2, 4, 3), 4)
    const v = await store.vectors(lib.id)
    expect(v.ids).toEqual(['d1:0', 'd1:1', 'd1:2', 'd1:3', 'd1:4'])
    expect(v.dim).toBe(4)
    expect(Array.from(v.vectors.subarray(12, 16))).toEqual([0, 0, 0, 1])
    expect(Array.from(v.vectors.subarray(16, 20))).toEqual([1, 0, 0, 0])
    const picked = await store.chunks(lib.id, ['d1:4', 'nope', 'd1:1'])
    expect(picked.map((c) => [c.id, c.text, c.start, c.meta.row])).toEqual([['d1:4', 'chunk 4', 40, '4'], ['d1:1', 'chunk 1', 10, '1']])
    expect(await store.libraryModel(lib.id)).toBe('m1')
    await store.rename(lib.id, 'Renamed')

    // A second store on the same folder (as after a restart) sees the same data.
    const { LibraryStore } = await import('../../../src/core/library/store')
    const again = await LibraryStore.open(dir)
    expect((await again.list()).map((l) => l.name)).toEqual(['Renamed'])
    expect((await again.chunks(lib.id)).length).toBe(5)
    expect(await again.chunkHashes(lib.id)).toContain(textHash('chunk  2 '))
    expect((await again.documents(lib.id))[0]?.chunks).toBe(5)
  })

  it('deletes documents with their chunks, and whole libraries', async () => {
    const { dir, cleanup } = tempDir()
    dirs.push(cleanup)
    const store = await getLibraryStore(dir)
    const a = await store.create('A', 'm1')
    const b = await store.create('B', 'm1')
    await store.addChunks(a.id, [...rows('x', 2, 3), ...rows('y', 2, 3)], 3)
    await store.addChunks(b.id, rows('z', 1, 3), 3)
    await store.deleteDocuments(a.id, ['x'])
    expect([...(await store.chunkIds(a.id))].sort()).toEqual(['y:0', 'y:1'])
    expect(await store.delete(a.id)).toBe(true)
    await expect(store.get(a.id)).rejects.toThrow(/no library/)
    expect(await store.countChunks(b.id)).toBe(1)
  })
})
