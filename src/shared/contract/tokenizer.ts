/** Channels of the tokenizer lab. */
import { z } from 'zod'
import { TOKENIZER_IDS, type TokenizeResult, type TokenizerId } from '../host-ops/tokenizer'
import { channel, empty } from './channel'

/** One parallel sentence pair of resources/corpora/parallel/zh-en.json. */
export interface ParallelPair {
  en: string
  zh: string
}

/** Token cost of English vs Chinese on the same sentences, per tokenizer. */
export interface CompareResult {
  pairs: ParallelPair[]
  /** Characters (Unicode code points) of each sentence. */
  chars: { en: number[]; zh: number[] }
  /** Tokens of each sentence, per tokenizer. */
  tokens: Partial<Record<TokenizerId, { en: number[]; zh: number[] }>>
  /** Where each tokenizer comes from (e.g. the embedding model's folder name). */
  sources: Partial<Record<TokenizerId, string>>
}

/** Longest text (UTF-16 code units, as `string.length` counts) one tokenize request accepts. */
export const TOKENIZE_MAX_CHARS = 20_000

export const tokenizerContract = {
  /** Tokenizes `text` with the chosen tokenizers (all by default). */
  'tokenizer:tokenize': channel<TokenizeResult[]>()(
    z
      .object({
        text: z.string().max(TOKENIZE_MAX_CHARS),
        tokenizers: z.array(z.enum(TOKENIZER_IDS)).min(1).default([...TOKENIZER_IDS]),
        addSpecial: z.boolean().default(false)
      })
      .strict()
  ),
  /** Counts tokens of the bundled zh-CN / English parallel sentences with every tokenizer. */
  'tokenizer:compare': channel<CompareResult>()(empty)
} as const

/** Events of the tokenizer feature (none: tokenizing is quick once loaded). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TokenizerEvents {}

export const tokenizerEventNames: (keyof TokenizerEvents)[] = []
