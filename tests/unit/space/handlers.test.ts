import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../src/core/context'
import { EventBus } from '../../../src/core/events'
import { JobRegistry } from '../../../src/core/jobs/jobs'
import { createSpaceHandlers } from '../../../src/core/space/handlers'
import { tempDir, until } from '../helpers'
import { makeLibrary } from './library-fixture'
import { blobs } from './synthetic'

const DIM = 24
const TOPICS = ['solar panels store energy', 'pasta sauce with basil', '长城是古代的防御工程']

describe('space handlers on a real library store', () => {
  const tmp = tempDir('llmx-space-')
  const { vectors, labels } = blobs(3, 40, DIM, 0.05)
  const jobs = new JobRegistry(new EventBus())
  // The model host is replaced by a fake `embed` that returns the vector of chunk 45 for any query.
  const host = { request: async (op: string) => (op === 'embed' ? { vectors: vectors.slice(45 * DIM, 46 * DIM), dim: DIM } : null) }
  const ctx = { options: { userDataDir: tmp.dir }, jobs, host } as unknown as CoreContext
  const h = createSpaceHandlers(ctx)
  let libraryId = ''

  beforeAll(async () => {
    const chunks = labels.map((l, i) => ({ text: `${TOPICS[l]} ${i}`, document: `doc${l}.txt`, meta: { lang: l === 2 ? 'zh' : 'en' } }))
    libraryId = await makeLibrary(tmp.dir, 'blobs', 'fake-model', chunks, vectors, DIM)
  })
  afterAll(() => tmp.cleanup())

  it('lists points with documents and metadata columns', async () => {
    const p = await h['space:points']({ libraryId })
    expect(p.n).toBe(120)
    expect(p.dim).toBe(DIM)
    expect(p.documents.sort()).toEqual(['doc0.txt', 'doc1.txt', 'doc2.txt'])
    expect(p.meta.map((m) => [m.name, [...m.values].sort()])).toEqual([['lang', ['en', 'zh']]])
  })

  it('computes PCA at once, caches it, and places a query exactly', async () => {
    const first = await h['space:project']({ libraryId, method: 'pca', dims: 3, recompute: false })
    expect(first.job).toBeNull()
    expect(first.projection!.coords.length).toBe(360)
    const again = await h['space:project']({ libraryId, method: 'pca', dims: 3, recompute: false })
    expect(Array.from(again.projection!.coords)).toEqual(Array.from(first.projection!.coords))
    const s = await h['space:search']({ libraryId, query: 'anything', k: 5, method: 'pca', dims: 3 })
    expect(s.hits[0]).toMatchObject({ index: 45 })
    expect(s.hits[0]!.score).toBeCloseTo(1, 5)
    expect(s.hits.every((hit) => labels[hit.index] === 1)).toBe(true)
    expect(s.placement).toBe('exact')
    for (let c = 0; c < 3; c++) expect(s.coords![c]).toBeCloseTo(first.projection!.coords[45 * 3 + c]!, 4)
    expect(s.similarities[45]).toBeCloseTo(1, 5)
  })

  it('runs t-SNE as a job, then serves it from the cache and places queries by neighbours', async () => {
    const r = await h['space:project']({ libraryId, method: 'tsne', dims: 2, recompute: false })
    expect(r.job).not.toBeNull()
    await until(() => jobs.list().find((j) => j.id === r.job!.id)!.state !== 'running', 60_000)
    expect(jobs.list().find((j) => j.id === r.job!.id)!.state).toBe('done')
    const done = await h['space:project']({ libraryId, method: 'tsne', dims: 2, recompute: false })
    expect(done.projection!.preservation).toBeGreaterThan(0.3)
    const s = await h['space:search']({ libraryId, query: 'x', k: 3, method: 'tsne', dims: 2 })
    expect(s.placement).toBe('neighbours')
  })

  it('finds neighbours in full dimension and clusters with labels', async () => {
    const nb = await h['space:neighbours']({ libraryId, index: 0, k: 10 })
    expect(nb.chunk.text).toBe(`${TOPICS[0]} 0`)
    expect(nb.neighbours).toHaveLength(10)
    expect(nb.neighbours.every((n) => labels[n.index] === 0 && n.index !== 0)).toBe(true)
    const c = await h['space:clusters']({ libraryId, k: 3 })
    expect(c.sizes.sort()).toEqual([40, 40, 40])
    // Each cluster is named by terms of its own topic (Chinese as character bigrams).
    for (let k = 0; k < 3; k++) {
      const topic = TOPICS[labels[c.assignments.indexOf(k)]!]!
      expect(c.labels[k]).toHaveLength(3)
      for (const term of c.labels[k]!) expect(topic).toContain(term)
    }
    await expect(h['space:neighbours']({ libraryId, index: 500, k: 10 })).rejects.toThrow(/120 chunks/)
  })

  it('exports Projector TSV files that line up, and JSON', async () => {
    const [vec, meta] = await h['space:export']({ libraryId, format: 'projector', method: 'pca', dims: 3 })
    const vlines = vec!.text.trim().split('\n')
    const mlines = meta!.text.trim().split('\n')
    expect(vlines).toHaveLength(120)
    expect(vlines[0]!.split('\t')).toHaveLength(DIM)
    expect(mlines[0]).toBe('text\tdocument\tlang\tpca_x\tpca_y\tpca_z')
    expect(mlines).toHaveLength(121)
    const [json] = await h['space:export']({ libraryId, format: 'json' })
    const body = JSON.parse(json!.text) as { chunks: { vector: number[] }[] }
    expect(body.chunks).toHaveLength(120)
    expect(body.chunks[3]!.vector[0]).toBeCloseTo(vectors[3 * DIM]!, 5)
  })

  it('says clearly when a library is unknown', async () => {
    await expect(h['space:points']({ libraryId: 'nope' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
