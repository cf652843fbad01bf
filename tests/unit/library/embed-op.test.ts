import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ModelHost } from '../../../src/core/host/host'
import { nodeSpawner } from '../../../src/core/host/process'
import { tempDir } from '../helpers'
import { FIXTURE_MODELS, ROOT, TINY } from './context'

const tmp = tempDir()
// A models folder with the tiny model and a broken copy of it (its ONNX file is garbage).
const models = join(tmp.dir, 'models')
cpSync(join(FIXTURE_MODELS, TINY), join(models, TINY), { recursive: true })
cpSync(join(FIXTURE_MODELS, TINY), join(models, 'broken'), { recursive: true })
mkdirSync(join(models, 'broken/onnx'), { recursive: true })
writeFileSync(join(models, 'broken/onnx/model.onnx'), 'not an onnx graph')
writeFileSync(join(models, TINY, 'model-card.json'), JSON.stringify({ pooling: 'mean', normalize: true, prefixes: { query: 'query: ', passage: 'passage: ' } }))
const host = new ModelHost({ spawn: nodeSpawner(join(ROOT, 'src/worker/main.ts')), env: { LLMX_MODELS_DIR: models, LLMX_CACHE_DIR: join(tmp.dir, 'cache') } })
afterAll(() => {
  host.stop()
  tmp.cleanup()
})

describe('embed op (model host)', () => {
  it('embeds in batches with progress: [n, dim], L2-normalised, prefixes from the card', async () => {
    const stages: string[] = []
    const texts = Array.from({ length: 10 }, (_, i) => `the student reads sentence ${i}`)
    const r = await host.request('embed', { modelId: TINY, texts, kind: 'passage', batchSize: 4 }, { onProgress: (p) => stages.push(`${p.stage}:${p.done}/${p.total}`) })
    expect(r.dim).toBe(32)
    expect(r.vectors.length).toBe(10 * 32)
    for (let i = 0; i < 10; i++) expect(Math.hypot(...r.vectors.subarray(i * 32, (i + 1) * 32))).toBeCloseTo(1, 5)
    expect(stages[0]).toMatch(/^load:/)
    expect(stages.filter((s) => s.startsWith('embed'))).toEqual(['embed:4/10', 'embed:8/10', 'embed:10/10'])
    // The same text as a query differs (another prefix); as a passage again it is identical.
    const q = await host.request('embed', { modelId: TINY, texts: texts.slice(0, 1), kind: 'query' })
    const p = await host.request('embed', { modelId: TINY, texts: texts.slice(0, 1), kind: 'passage' })
    expect(Array.from(p.vectors)).toEqual(Array.from(r.vectors.subarray(0, 32)))
    expect(Array.from(q.vectors)).not.toEqual(Array.from(p.vectors))
    const info = await host.request('embeddingInfo', { modelId: TINY })
    const counts = await host.request('tokenCount', { modelId: TINY, texts: ['the student', 'the student the student', ''] })
    const [one, two, none] = Array.from(counts.counts)
    expect(one).toBeGreaterThan(1)
    expect(two).toBe(2 * (one as number)) // WordPiece counts word by word, without [CLS]/[SEP]
    expect(none).toBe(0)
    expect(counts.maxTokens).toBe(info.maxTokens)
    expect(info.maxTokens).toBeLessThan(128) // position limit minus [CLS], [SEP] and the passage prefix
    expect(info).toMatchObject({ dim: 32, pooling: 'mean', normalize: true, dtype: 'fp32' })
  })

  it('names a missing model and a model whose files cannot load', async () => {
    await expect(host.request('embed', { modelId: 'no-such-model', texts: ['x'], kind: 'query' })).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' })
    await expect(host.request('embed', { modelId: '../etc', texts: ['x'], kind: 'query' })).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' })
    await expect(host.request('embed', { modelId: 'broken', texts: ['x'], kind: 'query' })).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' })
  })

  it('stops between batches when cancelled', async () => {
    const controller = new AbortController()
    const texts = Array.from({ length: 400 }, (_, i) => `sentence ${i}`)
    const done: number[] = []
    const run = host.request('embed', { modelId: TINY, texts, kind: 'passage', batchSize: 2 }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage !== 'embed') return
        done.push(p.done)
        if (p.done >= 10) controller.abort()
      }
    })
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(Math.max(...done)).toBeLessThan(400)
  })
})
