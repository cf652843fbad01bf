// The walkthrough's model host ops, called in-process on the bundled teaching models.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { walkthroughOps } from '../../../src/worker/ops/walkthrough'
import { configureTransformers } from '../../../src/worker/transformers-env'
import { ROOT, tempDir } from '../helpers'
import { toyTruth } from './fixtures'

const MODELS = process.env.LLMX_WT_MODELS_DIR ?? join(ROOT, 'resources/models')
const hasTranslator = existsSync(join(MODELS, 'teaching-translator/teaching/graph.onnx'))
const TRUTH = join(ROOT, 'tests/fixtures/teaching/translator-truth.json')
const ctx = { signal: new AbortController().signal, progress: () => undefined }

beforeAll(() => {
  process.env.LLMX_MODELS_DIR = MODELS
  configureTransformers(MODELS, tempDir().dir)
})

function maxDiff(got: Float32Array, want: number[]): number {
  let worst = 0
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!))
  return worst
}

describe('runTeachingGraph (toy-base, decoder-only)', () => {
  it('returns every output with the PyTorch values of the truth fixture', async () => {
    const item = toyTruth().truth[0]!
    const { outputs } = await walkthroughOps.runTeachingGraph({ modelId: 'toy-base', tgtIds: item.input_ids }, ctx)
    for (const name of ['embed.tok', 'embed.pos', 'blk.0.attn.q', 'blk.0.attn.scores', 'blk.0.attn.weights', 'blk.0.mlp.out']) {
      const want = item.outputs[name]!
      expect(outputs[name]!.dims, name).toEqual(want.shape)
      expect(outputs[name]!.data).toBeInstanceOf(Float32Array)
      expect(maxDiff(outputs[name]!.data, want.data), name).toBeLessThanOrEqual(1e-4)
    }
  })

  it('rejects ids outside the vocabulary and unknown models with clear errors', async () => {
    await expect(walkthroughOps.runTeachingGraph({ modelId: 'toy-base', tgtIds: [5, 999999] }, ctx)).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(walkthroughOps.runTeachingGraph({ modelId: 'toy-base', tgtIds: [] }, ctx)).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(walkthroughOps.runTeachingGraph({ modelId: 'no-such-model', tgtIds: [1] }, ctx)).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' })
    await expect(walkthroughOps.runTeachingGraph({ modelId: '../etc', tgtIds: [1] }, ctx)).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it('tokenises with the model tokenizer and decodes piece by piece', async () => {
    const item = toyTruth().truth[0]!
    const t = await walkthroughOps.teachingTokenize({ modelId: 'toy-base', text: item.prompt }, ctx)
    expect(t.ids).toEqual(item.input_ids)
    expect(t.pieces.join('')).toBe(item.prompt)
    expect(t.unknown.every((u) => !u)).toBe(true)
  })
})

describe.skipIf(!hasTranslator)('teaching-translator ops', () => {
  it('translates "She is in a restaurant" greedily', async () => {
    const r = await walkthroughOps.translate({ modelId: 'teaching-translator', text: 'She is in a restaurant' }, ctx)
    expect(r.text).toBe('Elle est dans un restaurant .')
    expect(r.tokenIds).toHaveLength(6)
  })

  it('flags unknown words as <unk>', async () => {
    const t = await walkthroughOps.teachingTokenize({ modelId: 'teaching-translator', text: 'She is in a zeppelin' }, ctx)
    expect(t.unknown).toEqual([false, false, false, false, true, false])
    expect(t.pieces.at(-1)).toBe('</s>')
  })

  it.skipIf(!existsSync(TRUTH))('matches the truth fixture on the first layer', async () => {
    const fx = JSON.parse(readFileSync(TRUTH, 'utf8')) as { items: { src_ids: number[]; tgt_ids: number[]; outputs: Record<string, { shape: number[]; data: number[] }> }[] }
    for (const item of fx.items) {
      const { outputs } = await walkthroughOps.runTeachingGraph({ modelId: 'teaching-translator', srcIds: item.src_ids, tgtIds: item.tgt_ids }, ctx)
      const names = Object.keys(item.outputs).filter((n) => /^(src\.|tgt\.|enc\.0\.|dec\.0\.)/.test(n))
      expect(names.length).toBeGreaterThan(20)
      for (const name of names) {
        expect(outputs[name]!.dims, name).toEqual(item.outputs[name]!.shape)
        expect(maxDiff(outputs[name]!.data, item.outputs[name]!.data), name).toBeLessThanOrEqual(1e-4)
      }
    }
  })
})
