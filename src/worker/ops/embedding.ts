/**
 * The embedding feature's model host ops (types in src/shared/host-ops/embedding.ts): sentence
 * embeddings with transformers.js' feature-extraction pipeline, and token counts with the same
 * model's tokenizer. Models load lazily, once per process, from the local models folder only.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AutoTokenizer, pipeline, type FeatureExtractionPipeline, type PreTrainedTokenizer } from '@huggingface/transformers'
import { AppError } from '../../shared/errors'
import type { EmbeddingOps } from '../../shared/host-ops/embedding'
import type { OpContext } from '../context'
import type { OpTable } from './table'

type Info = EmbeddingOps['embeddingInfo']['result']

interface Card {
  pooling?: 'mean' | 'cls'
  normalize?: boolean
  dtype?: string
  dim?: number
  prefixes?: { query?: string; passage?: string }
  maxTokens?: number
}

const pipes = new Map<string, Promise<FeatureExtractionPipeline>>()
const tokenizers = new Map<string, Promise<PreTrainedTokenizer>>()

function modelDir(modelId: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(modelId) || modelId.includes('..')) throw new AppError('MODEL_NOT_FOUND', `"${modelId}" is not a valid model id.`)
  const dir = join(process.env.LLMX_MODELS_DIR ?? '', modelId)
  if (!existsSync(join(dir, 'config.json'))) throw new AppError('MODEL_NOT_FOUND', `No model "${modelId}" in ${process.env.LLMX_MODELS_DIR}. Open Models to see the installed ones.`)
  return dir
}

/** Reads model-card.json (optional): a card without fields, or none, gives mean pooling + L2 norm. */
function readInfo(modelId: string): Info & { maxFromCard?: number } {
  const dir = modelDir(modelId)
  let card: Card = {}
  const cardPath = join(dir, 'model-card.json')
  if (existsSync(cardPath)) {
    try {
      card = JSON.parse(readFileSync(cardPath, 'utf8')) as Card
    } catch (e) {
      throw new AppError('MODEL_LOAD_FAILED', `model-card.json of "${modelId}" is not valid JSON (${(e as Error).message}).`)
    }
  }
  const quantized = existsSync(join(dir, 'onnx', 'model_quantized.onnx'))
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { hidden_size?: number; max_position_embeddings?: number }
  return {
    modelId,
    dim: card.dim ?? config.hidden_size ?? 0,
    pooling: card.pooling ?? 'mean',
    normalize: card.normalize ?? true,
    dtype: card.dtype ?? (quantized ? 'q8' : 'fp32'),
    prefixes: { query: card.prefixes?.query ?? '', passage: card.prefixes?.passage ?? '' },
    maxTokens: card.maxTokens ?? Math.min(512, config.max_position_embeddings ?? 512)
  }
}

function loadFailed(modelId: string, e: unknown): AppError {
  if (e instanceof AppError) return e
  return new AppError('MODEL_LOAD_FAILED', `Model "${modelId}" could not be loaded: ${e instanceof Error ? e.message : String(e)}`)
}

/** Loads (once) the pipeline; reports stage `load` as files finish. A failed load is retried next time. */
function getPipe(info: Info, ctx: OpContext): Promise<FeatureExtractionPipeline> {
  let p = pipes.get(info.modelId)
  if (!p) {
    const seen = new Set<string>()
    const done = new Set<string>()
    ctx.progress('load', 0, 1)
    p = pipeline('feature-extraction', info.modelId, {
      dtype: info.dtype as 'q8',
      progress_callback: (x: { status: string; file?: string }) => {
        if (!x.file) return
        seen.add(x.file)
        if (x.status === 'done') done.add(x.file)
        ctx.progress('load', done.size, Math.max(seen.size, 1))
      }
    })
      .then((pipe) => {
        // Token counts then use the very tokenizer that feeds the model (and it loads once).
        if (!tokenizers.has(info.modelId)) tokenizers.set(info.modelId, Promise.resolve(pipe.tokenizer))
        return pipe
      })
      .catch((e: unknown) => {
        pipes.delete(info.modelId)
        throw loadFailed(info.modelId, e)
      })
    pipes.set(info.modelId, p)
  }
  return p
}

function getTokenizer(modelId: string): Promise<PreTrainedTokenizer> {
  let t = tokenizers.get(modelId)
  if (!t) {
    t = AutoTokenizer.from_pretrained(modelId).catch((e: unknown) => {
      tokenizers.delete(modelId)
      throw loadFailed(modelId, e)
    })
    tokenizers.set(modelId, t)
  }
  return t
}

/** Tokens the model's input loses to special tokens ([CLS]/[SEP], <s>/</s>) and to the passage prefix. */
async function reserved(info: Info): Promise<number> {
  const tok = await getTokenizer(info.modelId)
  return tok.encode(info.prefixes.passage).length
}

export const embeddingOps: OpTable<EmbeddingOps> = {
  async embed(args, ctx) {
    const info = readInfo(args.modelId)
    const pipe = await getPipe(info, ctx)
    const prefix = info.prefixes[args.kind]
    const batch = Math.max(1, args.batchSize ?? 16)
    const n = args.texts.length
    let out: Float32Array | null = null
    let dim = info.dim
    for (let i = 0; i < n; i += batch) {
      if (ctx.signal.aborted) throw ctx.signal.reason as Error
      const texts = args.texts.slice(i, i + batch).map((t) => prefix + t)
      const tensor = await pipe(texts, { pooling: info.pooling, normalize: info.normalize })
      const data = tensor.data as Float32Array
      dim = tensor.dims[1] ?? dim
      out ??= new Float32Array(n * dim)
      out.set(data, i * dim)
      ctx.progress('embed', Math.min(n, i + batch), n)
    }
    return { vectors: out ?? new Float32Array(0), dim }
  },
  async tokenCount(args) {
    const info = readInfo(args.modelId)
    const tok = await getTokenizer(args.modelId)
    const counts = new Int32Array(args.texts.length)
    args.texts.forEach((t, i) => {
      counts[i] = t ? tok.encode(t, { add_special_tokens: false }).length : 0
    })
    return { counts, maxTokens: info.maxTokens - (await reserved(info)) }
  },
  async embeddingInfo(args) {
    const info = readInfo(args.modelId)
    return { ...info, maxTokens: info.maxTokens - (await reserved(info)) }
  }
}
