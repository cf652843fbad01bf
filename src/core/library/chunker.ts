/**
 * Cutting documents into chunks, with sizes measured in the embedding model's own tokens
 * (counted by its tokenizer in the model host, through a {@link TokenCounter}).
 *
 * - paragraph: one chunk per paragraph; a longer one is packed sentence by sentence into chunks of
 *   at most `size` tokens;
 * - sentence: one chunk per sentence;
 * - tokens: windows of `size` tokens, each sharing about `overlap` tokens with the previous one.
 * A sentence longer than `size` is always cut into token windows. Sizes while packing are sums of
 * the parts' counts (a close estimate); the final counts are measured on each chunk's own text.
 */
import type { Chunking } from '../../shared/contract/library'
import type { ParsedDocument } from './parse/types'
import { paragraphs, pieces, sentences, type Span, trimSpan } from './split'

/** Counts tokens of each text (no special tokens). `counts[i]` belongs to `texts[i]`. */
export type TokenCounter = (texts: string[]) => Promise<Int32Array>

/** A chunk before embedding. `start`/`end`: character offsets in the document's text. */
export interface PlannedChunk {
  start: number
  end: number
  tokens: number
  meta: Record<string, string>
}

type Planned = PlannedChunk & { exact: boolean }

interface Unit extends Span {
  tokens: number
  /** false when `tokens` is a sum over parts (an estimate to be measured again) */
  exact?: boolean
}

/**
 * Spans longer than this many characters are not sent to the tokenizer: they are certainly over any
 * chunk size, and tokenizing a megabyte at once overflowed the tokenizer's call stack. They are
 * split further (sentences, then pieces) and the parts are measured instead.
 */
const MAX_MEASURED_CHARS = 100_000

/** Counts every distinct text once (spans over {@link MAX_MEASURED_CHARS} count as too long). */
async function measure(text: string, spans: Span[], count: TokenCounter): Promise<Unit[]> {
  const texts = spans.map((s) => text.slice(s.start, s.end))
  const tooLong = (t: string): boolean => t.length > MAX_MEASURED_CHARS
  const distinct = [...new Set(texts.filter((t) => !tooLong(t)))]
  const counts = await count(distinct)
  const byText = new Map(distinct.map((t, i) => [t, counts[i] ?? 0]))
  return spans.map((s, i) => {
    const t = texts[i] as string
    return tooLong(t) ? { ...s, tokens: Number.MAX_SAFE_INTEGER, exact: false } : { ...s, tokens: byText.get(t) ?? 0, exact: true }
  })
}

/** Greedy packing of consecutive units into spans of at most `size` tokens (a unit over size stands alone). */
export function pack(units: Unit[], size: number): Unit[] {
  const out: Unit[] = []
  let cur: Unit | null = null
  for (const u of units) {
    if (cur && cur.tokens + u.tokens <= size) cur = { start: cur.start, end: u.end, tokens: cur.tokens + u.tokens, exact: false }
    else {
      if (cur) out.push(cur)
      cur = { ...u }
    }
  }
  if (cur) out.push(cur)
  return out
}

/**
 * Windows over consecutive units: each at most `size` tokens (at least one unit), the next one
 * starting at the latest unit that keeps ≤ `overlap` tokens shared, always moving forward.
 */
export function windows(units: Unit[], size: number, overlap: number): Unit[] {
  const out: Unit[] = []
  let i = 0
  while (i < units.length) {
    let j = i
    let tokens = 0
    while (j < units.length && (j === i || tokens + (units[j] as Unit).tokens <= size)) tokens += (units[j++] as Unit).tokens
    out.push({ start: (units[i] as Unit).start, end: (units[j - 1] as Unit).end, tokens, exact: j - i === 1 && (units[i] as Unit).exact })
    if (j >= units.length) break
    let k = j
    let shared = 0
    while (k - 1 > i && shared + (units[k - 1] as Unit).tokens <= overlap) shared += (units[--k] as Unit).tokens
    i = k
  }
  return out
}

/** Cuts one over-long unit into windows of pieces. */
async function cut(text: string, unit: Unit, size: number, overlap: number, count: TokenCounter): Promise<Unit[]> {
  if (unit.tokens <= size) return [unit]
  return windows(await measure(text, pieces(text, unit.start, unit.end), count), size, overlap)
}

/** Chunks of one segment (before final measuring). */
async function segmentChunks(text: string, seg: Span, c: Chunking, count: TokenCounter): Promise<Unit[]> {
  if (c.mode === 'tokens') return windows(await measure(text, pieces(text, seg.start, seg.end), count), c.size, c.overlap)
  if (c.mode === 'sentence') {
    const units = await measure(text, sentences(text, seg.start, seg.end), count)
    return (await Promise.all(units.map((u) => cut(text, u, c.size, 0, count)))).flat()
  }
  const out: Unit[] = []
  for (const p of await measure(text, paragraphs(text, seg.start, seg.end), count)) {
    if (p.tokens <= c.size) {
      out.push(p)
      continue
    }
    const sents = await measure(text, sentences(text, p.start, p.end), count)
    const fitted = (await Promise.all(sents.map((s) => cut(text, s, c.size, 0, count)))).flat()
    // A loop, not push(...spread): a 1 MB single line packs into more units than a call's argument limit.
    for (const u of pack(fitted, c.size)) out.push(u)
  }
  return out
}

/**
 * Plans the chunks of a document. Token counts in the result are measured on each chunk's text.
 * @throws whatever `count` throws (e.g. MODEL_NOT_FOUND from the model host)
 */
export async function chunkDocument(doc: ParsedDocument, chunking: Chunking, count: TokenCounter): Promise<PlannedChunk[]> {
  const planned: Planned[] = []
  for (const seg of doc.segments) {
    for (const u of await segmentChunks(doc.text, seg, chunking, count)) {
      const s = trimSpan(doc.text, u.start, u.end)
      // Trimming only drops white space, which the tokenizer does not count either.
      if (s) planned.push({ ...s, tokens: u.tokens, meta: seg.meta, exact: u.exact === true })
    }
  }
  const estimated = planned.filter((p) => !p.exact)
  const measured = await measure(doc.text, estimated, count)
  estimated.forEach((p, i) => (p.tokens = measured[i]?.tokens ?? p.tokens))
  return planned.map(({ exact: _e, ...p }) => p)
}
