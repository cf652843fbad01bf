// The walkthrough's core handlers through a real model host process (src/worker/main.ts).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../src/core/context'
import { createWalkthroughHandlers } from '../../../src/core/walkthrough/handlers'
import { ROOT, realHost, tempDir } from '../helpers'
import { toyTruth } from './fixtures'

const MODELS = process.env.LLMX_WT_MODELS_DIR ?? join(ROOT, 'resources/models')
const hasTranslator = existsSync(join(MODELS, 'teaching-translator/teaching/graph.onnx'))
const tmp = tempDir()
const host = realHost(tmp.dir, MODELS)
const h = createWalkthroughHandlers({ host, modelsDir: MODELS } as unknown as CoreContext)

afterAll(() => {
  host.stop()
  tmp.cleanup()
})

describe('walkthrough handlers', () => {
  it('lists teaching models, encoder–decoder first', async () => {
    const models = await h['walkthrough:models']({})
    expect(models.map((m) => m.id)).toContain('toy-base')
    if (hasTranslator) expect(models[0]).toMatchObject({ id: 'teaching-translator', kind: 'encoder-decoder' })
  })

  it('runs the toy GPT: one trace with every layer, candidates from the graph', async () => {
    const item = toyTruth().truth[0]!
    const t = await h['walkthrough:run']({ modelId: 'toy-base', text: item.prompt })
    expect(t.kind).toBe('decoder-only')
    expect(t.encoder).toBeNull()
    expect(t.decoder.ids).toEqual(item.input_ids)
    expect(t.decoder.layers).toHaveLength(4)
    const n = item.input_ids.length
    expect(t.decoder.layers[0]!.self.weights.dims).toEqual([4, n, n])
    // masked: the first query sees only itself
    const w = t.decoder.layers[0]!.self.weights.data
    expect(w[0]).toBeCloseTo(1, 6)
    expect(w[1]).toBe(0)
    const last = t.candidates[n - 1]!
    expect(last).toHaveLength(10)
    expect(last[0]!.prob).toBeGreaterThanOrEqual(last[1]!.prob)
    expect(t.nextLogits).toHaveLength(t.vocabSize)
    expect(Math.max(...t.nextLogits)).toBeCloseTo(last[0]!.logit, 5)
  }, 30_000)

  it('rejects a decoder-only text over 128 tokens', async () => {
    await expect(h['walkthrough:run']({ modelId: 'toy-base', text: 'a b '.repeat(100) })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it.skipIf(!hasTranslator)('translates and traces "She is in a restaurant"', async () => {
    const t = await h['walkthrough:run']({ modelId: 'teaching-translator', text: 'She is in a restaurant' })
    expect(t.translation?.text).toBe('Elle est dans un restaurant .')
    expect(t.encoder?.pieces).toEqual(['She', 'is', 'in', 'a', 'restaurant', '</s>'])
    expect(t.decoder.pieces).toEqual(['<s>', 'Elle', 'est', 'dans', 'un', 'restaurant', '.'])
    // the graph's own argmax after each position is the next output token, then </s>
    expect(t.candidates.map((c) => c[0]!.piece)).toEqual(['Elle', 'est', 'dans', 'un', 'restaurant', '.', '</s>'])
    expect(t.decoder.layers[0]!.cross!.weights.dims).toEqual([4, 7, 6])
  }, 30_000)

  it.skipIf(!hasTranslator)('flags unknown words with suggestions and refuses to run them', async () => {
    const c = await h['walkthrough:check']({ modelId: 'teaching-translator', text: 'She is in a resturant' })
    expect(c.unknownWords).toEqual([{ word: 'resturant', suggestions: expect.arrayContaining(['restaurant']) as string[] }])
    expect(c.unknownWords[0]!.suggestions[0]).toBe('restaurant')
    await expect(h['walkthrough:run']({ modelId: 'teaching-translator', text: 'She is in a resturant' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  }, 30_000)
})
