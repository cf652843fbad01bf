/**
 * Channels of the Transformer walkthrough, the trace it renders, and the pure parser of a teaching
 * graph's description (`<model>/teaching/outputs.json`), shared by the model host and core.
 */
import { z } from 'zod'
import { AppError } from '../errors'
import type { TeachingTensor } from '../host-ops/walkthrough'
import { channel, empty } from './channel'

export type { TeachingTensor } from '../host-ops/walkthrough'

/** Encoder–decoder (the translator) or decoder-only (the toy-world GPT). */
export type TeachingKind = 'encoder-decoder' | 'decoder-only'

/** Most tokens one walkthrough run may hold (decoder-only mode); the translator allows 32 per side. */
export const MAX_TOKENS = { 'decoder-only': 128, 'encoder-decoder': 32 } as const

/** What a host or core needs to know about a teaching graph (from outputs.json). */
export interface TeachingMeta {
  kind: TeachingKind
  /** Name of the single input of a decoder-only graph (`input_ids`). */
  inputName: string
  vocabSize: number
  layers: { encoder: number; decoder: number }
  heads: number
  dModel: number
  /** Score written where attention is masked (−1e9 in both graphs). */
  maskValue: number
  /** Output name → rank of its documented shape (no batch axis), in graph order. */
  ranks: [string, number][]
}

interface OutputsJson {
  input?: { name?: string }
  inputs?: { name?: string }[]
  dims?: Record<string, unknown>
  symbols?: Record<string, unknown>
  outputs?: { name?: unknown; shape?: unknown }[]
  masked_score?: number
  conventions?: { mask_value?: number }
}

/**
 * Parses outputs.json text. Two layouts exist: the translator's (`inputs`, `symbols`) and the
 * toy GPT's (`input`, `dims`); both list `outputs[{ name, shape }]` without the batch axis.
 * @throws AppError MODEL_LOAD_FAILED if the text is not such a description
 */
export function parseTeachingMeta(text: string): TeachingMeta {
  let json: OutputsJson
  try {
    json = JSON.parse(text) as OutputsJson
  } catch {
    throw new AppError('MODEL_LOAD_FAILED', 'teaching/outputs.json is not valid JSON')
  }
  const sym = { ...json.dims, ...json.symbols }
  const num = (...keys: string[]): number => Number(keys.map((k) => sym[k]).find((v) => v !== undefined))
  const outputs = (json.outputs ?? []).filter((o): o is { name: string; shape: unknown[] } => typeof o.name === 'string' && Array.isArray(o.shape))
  const kind: TeachingKind = json.inputs?.some((i) => i.name === 'src_ids') ? 'encoder-decoder' : 'decoder-only'
  const meta: TeachingMeta = {
    kind,
    inputName: json.input?.name ?? json.inputs?.[0]?.name ?? 'input_ids',
    vocabSize: num('V'),
    layers: kind === 'encoder-decoder' ? { encoder: num('encoder_layers'), decoder: num('decoder_layers') } : { encoder: 0, decoder: num('layers') },
    heads: num('heads', 'H'),
    dModel: num('d_model', 'C'),
    maskValue: json.conventions?.mask_value ?? json.masked_score ?? -1e9,
    ranks: outputs.map((o) => [o.name, o.shape.length])
  }
  const counts = [meta.vocabSize, meta.layers.decoder, meta.heads, meta.dModel]
  if (outputs.length === 0 || !counts.every((n) => Number.isInteger(n) && n > 0)) {
    throw new AppError('MODEL_LOAD_FAILED', 'teaching/outputs.json lacks its outputs or one of V, layers, heads, d_model')
  }
  return meta
}

/** One attention sub-layer's tensors (`H` heads, `Tq` query and `Tk` key positions, `Dh` = dModel / H). */
export interface AttentionTrace {
  /** [H, Tq, Dh] */ q: TeachingTensor
  /** [H, Tk, Dh] */ k: TeachingTensor
  /** [H, Tk, Dh] */ v: TeachingTensor
  /** [H, Tq, Tk], q·k/√Dh; masked entries hold the graph's mask value (−1e9) */ scores: TeachingTensor
  /** [H, Tq, Tk], softmax of the scores; rows sum to 1 */ weights: TeachingTensor
  /** [H, Tq, Dh], weights × values per head, or null if the graph does not export it */ context: TeachingTensor | null
  /** [Tq, dModel], heads concatenated and projected */ out: TeachingTensor
  /** [Tq, dModel], the residual stream after this sub-layer (post-norm: LayerNorm(x + out)) */ residual: TeachingTensor
}

/** One layer of a stack. */
export interface LayerTrace {
  self: AttentionTrace
  /** Decoder layers of an encoder–decoder model only. */
  cross: AttentionTrace | null
  /** [T, dFF] after the activation, or null if not exported */ ffnHidden: TeachingTensor | null
  /** [T, dModel] */ ffnOut: TeachingTensor
  /** [T, dModel], the layer's output */ out: TeachingTensor
}

/** The encoder's or the decoder's side of a trace. */
export interface StackTrace {
  ids: number[]
  /** Each token as text. */
  pieces: string[]
  /** [T, dModel], token embeddings (the translator's are already × √dModel) */ embed: TeachingTensor
  /** [T, dModel], positional encodings (sinusoidal) or learned position embeddings */ pos: TeachingTensor
  /** [T, dModel], embed + pos */ input: TeachingTensor
  layers: LayerTrace[]
}

/** A next-token candidate after one decoder position. */
export interface Candidate {
  id: number
  piece: string
  logit: number
  prob: number
}

/** Everything one walkthrough run shows, straight from the teaching graph (no value is recomputed). */
export interface WalkthroughTrace {
  modelId: string
  kind: TeachingKind
  positional: 'sinusoidal' | 'learned'
  /** Where LayerNorm sits: after each residual addition (original Transformer) or before each sub-layer (GPT-2). */
  norm: 'post' | 'pre'
  heads: number
  dModel: number
  vocabSize: number
  maskValue: number
  /** The input text as typed. */
  text: string
  encoder: StackTrace | null
  /** Decoder input: `<s>` and the output so far (translator) or the prompt tokens (GPT). */
  decoder: StackTrace
  /** Per decoder position, the top 10 next-token candidates (probabilities from the graph's `probs`). */
  candidates: Candidate[][]
  /** [V] logits after the last decoder position (for temperature sampling). */
  nextLogits: Float32Array
  /** The translator's greedy output (transformers.js), or null in decoder-only mode. */
  translation: { text: string; ids: number[]; pieces: string[] } | null
  /** Milliseconds the model host spent (tokenise + translate + graph). */
  tookMs: number
}

/** A teaching model the walkthrough can run. */
export interface TeachingModelInfo {
  id: string
  kind: TeachingKind
  /** True when teaching/graph.onnx and outputs.json are present. */
  available: boolean
  layers: { encoder: number; decoder: number }
  heads: number
  dModel: number
  vocabSize: number
}

/** A word of the input the model does not know, with the nearest vocabulary words. */
export interface UnknownWord {
  word: string
  /** Up to 3 vocabulary words by edit distance (Levenshtein), nearest first. */
  suggestions: string[]
}

/** Result of `walkthrough:check`: the tokens the model will see and the words it lacks. */
export interface TokenCheck {
  ids: number[]
  pieces: string[]
  unknown: boolean[]
  unknownWords: UnknownWord[]
  /** Set when the text has more tokens than the walkthrough shows ({@link MAX_TOKENS}). */
  tooLong: boolean
}

const modelId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/)
const text = z.string().trim().min(1).max(2000)

export const walkthroughContract = {
  /** Teaching models bundled with the app (translator first). */
  'walkthrough:models': channel<TeachingModelInfo[]>()(empty),
  /** Tokenises `text` with the model's tokenizer and flags unknown words with suggestions. */
  'walkthrough:check': channel<TokenCheck>()(z.object({ modelId, text }).strict()),
  /**
   * Runs the whole walkthrough: tokenise, (translate,) run the teaching graph.
   * `ids` (decoder-only) continues from exact token IDs, e.g. after sampling a token.
   * Errors: BAD_REQUEST (unknown words in translator mode, too many tokens), MODEL_NOT_FOUND.
   */
  'walkthrough:run': channel<WalkthroughTrace>()(
    z.object({ modelId, text, ids: z.array(z.number().int().min(0)).min(1).max(MAX_TOKENS['decoder-only']).optional() }).strict()
  )
} as const

/** Events of the walkthrough feature (none: runs are short requests). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WalkthroughEvents {}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const walkthroughEventNames: (keyof WalkthroughEvents)[] = []
