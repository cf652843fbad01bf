/**
 * A decoder-only model for generation: onnxruntime-node on `<model>/onnx/model.onnx` with its KV
 * cache (`past_key_values.{i}.key/.value` in, `present.{i}.key/.value` out) and the model's own
 * tokenizer through transformers.js. Logits are the real model's; sampling is shared/sampling.ts.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AutoTokenizer } from '@huggingface/transformers'
import * as ort from 'onnxruntime-node'
import { AppError } from '../../shared/errors'
import { int64Tensor } from './tensors'

interface GenTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[]
  decode(ids: number[], options?: { skip_special_tokens?: boolean }): string
}

/** A loaded generation model. */
export interface GenModel {
  id: string
  session: ort.InferenceSession
  tokenizer: GenTokenizer
  vocabSize: number
  eosId: number
  /** Longest sequence (prompt + new tokens) the position embeddings allow. */
  maxPositions: number
  /** Names and [heads, headDim] of the cache inputs, and the `present.*` output that feeds each one at the next step. */
  pastInputs: { name: string; present: string; heads: number; headDim: number }[]
}

/** The cache state between steps: one tensor per `present.*` output, in input order. */
export type KvCache = ort.Tensor[]

const sessions = new Map<string, Promise<GenModel>>()
const SAFE_ID = /^[A-Za-z0-9._-]+$/

async function load(modelsDir: string, id: string): Promise<GenModel> {
  const dir = join(modelsDir, id)
  let config: { vocab_size: number; n_positions?: number; max_position_embeddings?: number; eos_token_id?: number }
  try {
    config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as typeof config
  } catch {
    throw new AppError('MODEL_NOT_FOUND', `No generation model "${id}" in ${modelsDir} (config.json missing).`)
  }
  const session = await ort.InferenceSession.create(join(dir, 'onnx', 'model.onnx'), { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' })
  const pastInputs = session.inputMetadata
    .filter((m) => m.name.startsWith('past_key_values.'))
    .map((m) => {
      const shape = m.isTensor ? m.shape : []
      return { name: m.name, present: m.name.replace('past_key_values.', 'present.'), heads: Number(shape[1]), headDim: Number(shape[3]) }
    })
  if (!session.outputNames.includes('logits') || pastInputs.some((p) => !Number.isFinite(p.heads * p.headDim))) {
    throw new AppError('MODEL_LOAD_FAILED', `${id}: onnx/model.onnx must output logits and take past_key_values.* with fixed heads and head size.`)
  }
  const tokenizer = (await AutoTokenizer.from_pretrained(id)) as unknown as GenTokenizer
  return {
    id,
    session,
    tokenizer,
    vocabSize: config.vocab_size,
    eosId: config.eos_token_id ?? 0,
    maxPositions: config.n_positions ?? config.max_position_embeddings ?? 1024,
    pastInputs
  }
}

/** Loads a model once per host process. @throws AppError MODEL_NOT_FOUND, MODEL_LOAD_FAILED, BAD_REQUEST */
export function loadGenModel(modelsDir: string, id: string): Promise<GenModel> {
  if (!SAFE_ID.test(id)) return Promise.reject(new AppError('BAD_REQUEST', `Bad model id "${id}".`))
  let p = sessions.get(id)
  if (!p) {
    p = load(modelsDir, id).catch((err: unknown) => {
      sessions.delete(id)
      if (err instanceof AppError) throw err
      throw new AppError('MODEL_LOAD_FAILED', `Could not load ${id}: ${err instanceof Error ? err.message : String(err)}`)
    })
    sessions.set(id, p)
  }
  return p
}

/**
 * One forward pass. `ids` are the new tokens at positions past..past+n-1.
 * @returns logits of the last position [vocab] (for one new token, the output tensor's own buffer:
 *   a new one each call, so it may be kept, but not written to) and the new cache (past + n positions)
 */
export async function forward(model: GenModel, ids: number[], cache: KvCache | null): Promise<{ logits: Float32Array; cache: KvCache }> {
  const past = cache ? Number(cache[0]!.dims[2]) : 0
  const n = ids.length
  const feeds: Record<string, ort.Tensor> = {
    input_ids: int64Tensor(ids, [1, n]),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(past + n).fill(1n), [1, past + n]),
    position_ids: int64Tensor(Array.from({ length: n }, (_, i) => past + i), [1, n])
  }
  model.pastInputs.forEach((p, i) => {
    feeds[p.name] = cache ? cache[i]! : new ort.Tensor('float32', new Float32Array(0), [1, p.heads, 0, p.headDim])
  })
  const out = await model.session.run(feeds)
  const logits = out.logits!
  const vocab = Number(logits.dims[2])
  const all = logits.data as Float32Array
  // one new token (every step after the prompt): the output is that row already, no copy needed
  const last = n === 1 ? all : all.slice((n - 1) * vocab, n * vocab)
  const next = model.pastInputs.map((p) => out[p.present]!)
  return { logits: last, cache: next }
}
