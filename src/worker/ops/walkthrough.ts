/**
 * The walkthrough's model host ops (types in src/shared/host-ops/walkthrough.ts): the instrumented
 * teaching graph under onnxruntime-node, greedy translation and tokenisation through transformers.js.
 * Sessions, pipelines and tokenizers are cached per model id for the life of the host process.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AutoTokenizer, type PreTrainedTokenizer, pipeline } from '@huggingface/transformers'
import * as ort from 'onnxruntime-node'
import { AppError } from '../../shared/errors'
import type { TeachingTensor, WalkthroughOps } from '../../shared/host-ops/walkthrough'
import type { OpTable } from './table'
import { parseTeachingMeta, type TeachingMeta } from '../../shared/contract/walkthrough'

const sessions = new Map<string, Promise<{ session: ort.InferenceSession; meta: TeachingMeta }>>()
const tokenizers = new Map<string, Promise<PreTrainedTokenizer>>()
const translators = new Map<string, Promise<Translator>>()

/** The subset of transformers.js' translation pipeline used here. */
interface Translator {
  tokenizer: PreTrainedTokenizer
  model: { generate(options: Record<string, unknown>): Promise<unknown> }
}

/** Model ids are folder names: no separators, no `..`. @throws AppError BAD_REQUEST */
function checkId(modelId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(modelId) || modelId.includes('..')) throw new AppError('BAD_REQUEST', `Invalid model id "${modelId}"`)
  return modelId
}

function modelsDir(): string {
  const dir = process.env.LLMX_MODELS_DIR
  if (!dir) throw new AppError('INTERNAL', 'LLMX_MODELS_DIR is not set in the model host')
  return dir
}

/** Caches a failed load only until the next call (so a model that lands later is picked up). */
function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = map.get(key)
  if (!p) {
    p = load()
    map.set(key, p)
    p.catch(() => map.delete(key))
  }
  return p
}

function teachingSession(modelId: string): Promise<{ session: ort.InferenceSession; meta: TeachingMeta }> {
  return cached(sessions, modelId, async () => {
    const folder = join(modelsDir(), checkId(modelId), 'teaching')
    const meta = parseTeachingMeta(await readFile(join(folder, 'outputs.json'), 'utf8').catch(() => {
      throw new AppError('MODEL_NOT_FOUND', `"${modelId}" has no teaching graph (teaching/outputs.json is missing)`)
    }))
    try {
      const session = await ort.InferenceSession.create(join(folder, 'graph.onnx'), { intraOpNumThreads: 1, interOpNumThreads: 1 })
      return { session, meta }
    } catch (err) {
      throw new AppError('MODEL_LOAD_FAILED', `Could not load the teaching graph of "${modelId}": ${(err as Error).message}`)
    }
  })
}

function tokenizer(modelId: string): Promise<PreTrainedTokenizer> {
  return cached(tokenizers, modelId, async () => {
    try {
      return await AutoTokenizer.from_pretrained(checkId(modelId))
    } catch (err) {
      throw new AppError('MODEL_NOT_FOUND', `No tokenizer for "${modelId}" in the models folder: ${(err as Error).message}`)
    }
  })
}

function translator(modelId: string): Promise<Translator> {
  return cached(translators, modelId, async () => {
    try {
      return (await pipeline('translation', checkId(modelId), { dtype: 'fp32' })) as unknown as Translator
    } catch (err) {
      throw new AppError('MODEL_LOAD_FAILED', `Could not load the translator "${modelId}": ${(err as Error).message}`)
    }
  })
}

const idsTensor = (ids: number[]): ort.Tensor => new ort.Tensor('int64', BigInt64Array.from(ids.map((x) => BigInt(x))), [1, ids.length])

/** @throws AppError BAD_REQUEST if `ids` is empty or holds an id outside [0, vocab). */
function checkIds(ids: number[] | undefined, vocab: number, what: string): number[] {
  if (!ids || ids.length === 0) throw new AppError('BAD_REQUEST', `${what} must hold at least one token ID`)
  const bad = ids.find((i) => !Number.isInteger(i) || i < 0 || i >= vocab)
  if (bad !== undefined) throw new AppError('BAD_REQUEST', `${what} holds ${bad}, outside the vocabulary (0…${vocab - 1})`)
  return ids
}

export const walkthroughOps: OpTable<WalkthroughOps> = {
  async runTeachingGraph(args) {
    const { session, meta } = await teachingSession(args.modelId)
    const feeds: Record<string, ort.Tensor> = {}
    if (meta.kind === 'encoder-decoder') {
      feeds.src_ids = idsTensor(checkIds(args.srcIds, meta.vocabSize, 'srcIds'))
      feeds.tgt_ids = idsTensor(checkIds(args.tgtIds, meta.vocabSize, 'tgtIds'))
    } else {
      feeds[meta.inputName] = idsTensor(checkIds(args.tgtIds, meta.vocabSize, 'tgtIds'))
    }
    const result = await session.run(feeds)
    const outputs: Record<string, TeachingTensor> = {}
    for (const [name, rank] of meta.ranks) {
      const t = result[name]
      if (!t) throw new AppError('INTERNAL', `The teaching graph did not return "${name}"`)
      // outputs.json shapes have no batch axis; drop a leading 1 if the graph kept one
      const dims = t.dims.length === rank + 1 && t.dims[0] === 1 ? t.dims.slice(1) : [...t.dims]
      outputs[name] = { dims, data: t.data as Float32Array }
    }
    return { outputs }
  },

  async translate(args) {
    const tr = await translator(args.modelId)
    const inputs = tr.tokenizer(args.text) as Record<string, unknown>
    const out = (await tr.model.generate({ ...inputs, max_new_tokens: 64, do_sample: false, num_beams: 1 })) as { tolist(): bigint[][] }
    const special = new Set(tr.tokenizer.all_special_ids.map(Number))
    const tokenIds = (out.tolist()[0] ?? []).map(Number).filter((i) => !special.has(i))
    return { text: tr.tokenizer.decode(tokenIds, { skip_special_tokens: true }), tokenIds }
  },

  async teachingTokenize(args) {
    const tok = await tokenizer(args.modelId)
    const ids = tok.encode(args.text)
    const unk = tok.unk_token_id
    return { ids, pieces: ids.map((i) => tok.decode([i])), unknown: ids.map((i) => unk !== undefined && unk !== null && i === unk && tok.eos_token_id !== unk) }
  },

  async teachingDecode(args) {
    const tok = await tokenizer(args.modelId)
    return { pieces: args.ids.map((i) => tok.decode([i])) }
  }
}
