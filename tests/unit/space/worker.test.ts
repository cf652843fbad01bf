import { afterAll, describe, expect, it } from 'vitest'
import { ProjectionRunner } from '../../../src/core/projection/runner'
import { clusterTerms, terms } from '../../../src/core/projection/terms'
import { blobs } from './synthetic'

describe('projection worker thread', () => {
  const runner = new ProjectionRunner()
  afterAll(() => runner.dispose())

  it('lays out blobs with PCA off the main thread, places a query exactly, clusters with labels', async () => {
    const { vectors, labels } = blobs(3, 50, 32, 0.05)
    const stages = new Set<string>()
    const r = await runner.run('layout', { key: 'k', method: 'pca', dims: 3, vectors, dim: 32 }, { onProgress: (s) => stages.add(s) })
    expect(r.coords.length).toBe(150 * 3)
    expect(Math.max(...r.coords.map(Math.abs))).toBeCloseTo(1, 5)
    // Noise inside a blob is 32-dimensional, so 3 axes keep the blobs but not the order inside them:
    // better than a random neighbour from the same blob (10/49), below perfect.
    expect(r.preservation).toBeGreaterThan(10 / 49)
    expect(r.preservation).toBeLessThan(1)
    expect(stages.has('preservation')).toBe(true)
    // A query equal to point 7 lands exactly where point 7 is.
    const placed = await runner.run('place', { key: 'k', query: vectors.slice(7 * 32, 8 * 32), dim: 32 })
    expect(placed?.placement).toBe('exact')
    for (let c = 0; c < 3; c++) expect(placed!.coords[c]).toBeCloseTo(r.coords[7 * 3 + c]!, 4)
    expect(await runner.run('place', { key: 'unknown', query: vectors.slice(0, 32), dim: 32 })).toBeNull()
    const texts = labels.map((l, i) => ['apple orchard harvest', 'river boat harbour', '机器学习模型训练'][l]! + ` n${i}`)
    const km = await runner.run('kmeans', { vectors, dim: 32, k: 3, texts })
    expect(km.sizes.sort()).toEqual([50, 50, 50])
    const named = km.labels.map((l) => [...l].sort().join(' ')).sort()
    expect(named.slice(0, 2)).toEqual(['apple harvest orchard', 'boat harbour river'])
    // Chinese has no spaces: its terms are character bigrams of the sentence.
    expect(named[2]!.split(' ').every((t) => t.length === 2 && '机器学习模型训练'.includes(t))).toBe(true)
  })

  it('fails with a clear error for bad input and keeps working', async () => {
    await expect(runner.run('layout', { key: 'x', method: 'umap', dims: 2, vectors: new Float32Array(4), dim: 2 })).rejects.toThrow(/at least 3 points/)
    const ok = await runner.run('layout', { key: 'x', method: 'pca', dims: 2, vectors: new Float32Array([1, 0, 0, 1, 0.7, 0.7]), dim: 2 })
    expect(ok.coords.length).toBe(6)
  })

  it('cancels a running layout by terminating the thread', async () => {
    const { vectors } = blobs(4, 400, 64, 0.1)
    const ctl = new AbortController()
    const p = runner.run('layout', { key: 'u', method: 'umap', dims: 2, vectors, dim: 64 }, { signal: ctl.signal, onProgress: () => ctl.abort() })
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})

describe('cluster terms', () => {
  it('splits Chinese into character bigrams and drops stop words', () => {
    expect(terms('The cat 喜欢鱼')).toEqual(['喜欢', '欢鱼', 'cat'])
  })

  it('names each cluster by its distinctive terms', () => {
    const texts = ['solar panel energy', 'solar wind energy', 'pasta sauce recipe', 'pasta bake recipe']
    const labels = clusterTerms(texts, [0, 0, 1, 1], 2, 2)
    expect(labels[0]).toEqual(['energy', 'solar'])
    expect(labels[1]).toEqual(['pasta', 'recipe'])
  })
})
