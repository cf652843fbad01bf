import { describe, expect, it } from 'vitest'
import { chunkDocument, type TokenCounter } from '../../../src/core/library/chunker'
import type { ParsedDocument } from '../../../src/core/library/parse/types'
import { planImport, tokenStats } from '../../../src/core/library/plan'
import { paragraphs, sentences } from '../../../src/core/library/split'
import type { StagedEntry } from '../../../src/core/library/staging'
import { DEFAULT_CHUNKING } from '../../../src/shared/contract/library'
import { singleLine } from '../../fixtures/bad-inputs/make'

/** A stand-in tokenizer (unit tests load no model): one token per Latin word, Han character or punctuation mark. */
const countOne = (t: string): number => t.match(/[A-Za-z0-9]+|\p{Script=Han}|\p{P}/gu)?.length ?? 0
const count: TokenCounter = async (texts) => Int32Array.from(texts.map(countOne))

const doc = (text: string): ParsedDocument => ({ name: 'd.txt', text, segments: [{ start: 0, end: text.length, meta: { k: 'v' } }], format: 'txt', encoding: 'utf-8', bytes: text.length })
const texts = (text: string, spans: { start: number; end: number }[]): string[] => spans.map((s) => text.slice(s.start, s.end))

describe('sentences and paragraphs', () => {
  it('splits Chinese at 。！？；… and English at . ! ? but not at abbreviations or decimals', () => {
    const t = '注意力是什么？它让词元互相关注。真有用！分号也算；省略号也算……最后一句“带引号。”\n\nDr. Smith paid 3.50 dollars, e.g. for tea. Why? Because. "Quoted!" End'
    expect(texts(t, sentences(t))).toEqual(['注意力是什么？', '它让词元互相关注。', '真有用！', '分号也算；', '省略号也算……', '最后一句“带引号。”', 'Dr. Smith paid 3.50 dollars, e.g. for tea.', 'Why?', 'Because.', '"Quoted!"', 'End'])
  })

  it('splits paragraphs at blank lines, or at line breaks when there are none', () => {
    expect(texts('a\nb\n\n  c  ', paragraphs('a\nb\n\n  c  '))).toEqual(['a\nb', 'c'])
    expect(texts('第一段\n第二段\n第三段', paragraphs('第一段\n第二段\n第三段'))).toEqual(['第一段', '第二段', '第三段'])
  })
})

describe('chunkDocument', () => {
  const en = Array.from({ length: 30 }, (_, i) => `Sentence ${i} has five words.`).join(' ')
  const zh = Array.from({ length: 30 }, (_, i) => `第${i}句讲嵌入向量。`).join('')

  it('paragraph mode keeps short paragraphs whole and packs long ones by sentences within the size', async () => {
    const text = `Short one.\n\n${en}\n\n${zh}`
    const chunks = await chunkDocument(doc(text), { ...DEFAULT_CHUNKING, mode: 'paragraph', size: 40 }, count)
    expect(text.slice(chunks[0]!.start, chunks[0]!.end)).toBe('Short one.')
    for (const c of chunks) {
      expect(c.tokens).toBe(countOne(text.slice(c.start, c.end)))
      expect(c.tokens).toBeLessThanOrEqual(40)
      expect(c.meta).toEqual({ k: 'v' })
    }
    // Chinese chunks end at a sentence end.
    const zhChunks = chunks.filter((c) => /\p{Script=Han}/u.test(text.slice(c.start, c.end)))
    expect(zhChunks.length).toBeGreaterThan(1)
    for (const c of zhChunks) expect(text.slice(c.start, c.end).endsWith('。')).toBe(true)
    // Nothing is lost: every sentence lies in some chunk.
    expect(chunks.map((c) => text.slice(c.start, c.end)).join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''))
  })

  it('token windows have the size and share about the overlap, in Chinese too', async () => {
    for (const text of [en, zh]) {
      const chunks = await chunkDocument(doc(text), { ...DEFAULT_CHUNKING, mode: 'tokens', size: 32, overlap: 8 }, count)
      expect(chunks.length).toBeGreaterThan(3)
      chunks.slice(0, -1).forEach((c, i) => {
        expect(c.tokens).toBeLessThanOrEqual(32)
        expect(c.tokens).toBeGreaterThanOrEqual(26)
        const next = chunks[i + 1]!
        expect(next.start).toBeGreaterThan(c.start)
        const shared = countOne(text.slice(next.start, c.end))
        expect(shared).toBeGreaterThanOrEqual(5)
        expect(shared).toBeLessThanOrEqual(8)
      })
      expect(chunks.at(-1)!.end).toBe(text.length)
    }
  })

  it('sentence mode gives one chunk per sentence and cuts a sentence longer than the size', async () => {
    const long = `${Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ')}.`
    const chunks = await chunkDocument(doc(`Hi there. ${long}`), { ...DEFAULT_CHUNKING, mode: 'sentence', size: 30 }, count)
    expect(chunks[0]!.tokens).toBe(3)
    expect(chunks.length).toBe(1 + 4)
    expect(Math.max(...chunks.map((c) => c.tokens))).toBeLessThanOrEqual(30)
  })

  it('cuts a 1 MB line without sentence breaks into windows', async () => {
    const text = new TextDecoder().decode(singleLine())
    const chunks = await chunkDocument(doc(text), { ...DEFAULT_CHUNKING, mode: 'paragraph', size: 256 }, count)
    const words = countOne(text)
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(words / 256))
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(words / 256) + 1)
    expect(Math.max(...chunks.map((c) => c.tokens))).toBeLessThanOrEqual(256)
    expect(chunks.at(-1)!.end).toBe(text.trimEnd().length)
  })
})

describe('planImport', () => {
  it('drops duplicate chunks (within the import and already in the library) and skips known documents', async () => {
    const enc = new TextEncoder()
    const entry = (name: string, text: string): StagedEntry => ({ fileId: name, name, bytes: enc.encode(text), info: {} as StagedEntry['info'] })
    const files = [
      { entry: entry('a.txt', 'Alpha para.\n\nBeta para.\n\nAlpha  para.'), spec: { fileId: 'a.txt' } },
      { entry: entry('b.txt', 'Gamma para.\n\nKnown para.'), spec: { fileId: 'b.txt' } }
    ]
    const { textHash } = await import('../../../src/core/library/store')
    const plan = await planImport('lib1', files, DEFAULT_CHUNKING, { documents: new Set(), hashes: new Set([textHash('Known para.')]) }, count)
    expect(plan.chunks.map((c) => c.text)).toEqual(['Alpha para.', 'Beta para.', 'Gamma para.'])
    expect(plan.duplicates).toBe(2)
    expect(plan.documents.map((d) => d.chunks)).toEqual([2, 1])
    const again = await planImport('lib1', files.slice(0, 1), DEFAULT_CHUNKING, { documents: new Set(plan.documents.map((d) => d.id)), hashes: new Set() }, count)
    expect(again.files[0]!.problems.map((p) => p.code)).toEqual(['ALREADY_IMPORTED'])
    expect(tokenStats([1, 2, 3, 10])).toMatchObject({ min: 1, max: 10, mean: 4, total: 16, edges: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20], counts: [1, 2, 0, 0, 0, 1, 0, 0, 0, 0] })
  })
})

describe('chunkDocument on a huge single line', () => {
  it('never sends a megabyte-long span to the tokenizer, and still packs it by sentences', async () => {
    const text = 'The quick brown fox jumps over the lazy dog near the river bank. '.repeat(20_000)
    let longest = 0
    const spy: TokenCounter = async (texts) => {
      for (const t of texts) longest = Math.max(longest, t.length)
      return count(texts)
    }
    const chunks = await chunkDocument(doc(text), { ...DEFAULT_CHUNKING, mode: 'paragraph', size: 256 }, spy)
    expect(longest).toBeLessThanOrEqual(100_000)
    // 14 tokens per sentence (13 words + the full stop) → 18 sentences per 256-token chunk.
    expect(chunks[0]!.tokens).toBe(18 * 14)
    expect(chunks.length).toBe(Math.ceil(20_000 / 18))
  })
})
