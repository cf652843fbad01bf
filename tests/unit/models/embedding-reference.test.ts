// transformers.js's feature-extraction pipeline on the bundled sentence-embedding model
// (the fixture names it: resources/models/use-multilingual-v3-zh-en, int8 ONNX) tokenizes like the
// source package's SentencePiece and gives vectors within cosine 0.99 of the source model's own
// float32 encoder on 20 zh/en sentences (fixture written by tools/models/embedding/build.py).
import fs from 'node:fs'
import path from 'node:path'
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers'
import { describe, it, expect } from 'vitest'

const root = path.resolve(__dirname, '../../..')
env.allowRemoteModels = false
env.localModelPath = path.join(root, 'resources/models')
env.useFSCache = false

interface Reference {
  model: string
  prefix: string
  pooling: 'mean' | 'cls'
  normalize: boolean
  dim: number
  sentences: string[]
  input_ids: number[][]
  vectors: number[][]
}

const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * (b[i] ?? NaN), 0)
const cosine = (a: number[], b: number[]): number => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b))

describe('bundled sentence-embedding model', () => {
  it('matches the source model reference vectors (cosine ≥ 0.99)', async () => {
    const ref = JSON.parse(
      fs.readFileSync(path.join(root, 'tests/fixtures/embedding/reference.json'), 'utf8')
    ) as Reference
    const extractor = (await pipeline('feature-extraction', ref.model, {
      dtype: 'q8'
    })) as FeatureExtractionPipeline
    const inputs = ref.sentences.map((s) => ref.prefix + s)
    inputs.forEach((text, i) => {
      const ids = extractor.tokenizer(text).input_ids.data as BigInt64Array
      expect(Array.from(ids).map(Number), text).toEqual(ref.input_ids[i] ?? [])
    })
    const out = await extractor(inputs, { pooling: ref.pooling, normalize: ref.normalize })
    expect(out.dims).toEqual([ref.sentences.length, ref.dim])
    const vectors = out.tolist() as number[][]
    vectors.forEach((v, i) => {
      expect(cosine(v, ref.vectors[i] ?? []), ref.sentences[i]).toBeGreaterThanOrEqual(0.99)
    })
    // Cross-lingual sanity: the Chinese cat sentence is nearer the English cat sentence than
    // the stock-market one (sentences 0, 1, 2 of the fixture).
    const [zhCat = [], enCat = [], stock = []] = vectors
    expect(dot(zhCat, enCat)).toBeGreaterThan(dot(zhCat, stock))
    await extractor.dispose()
  }, 120_000)
})
