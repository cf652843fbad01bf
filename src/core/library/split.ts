/**
 * Splitting text into paragraphs, sentences and small pieces, as character spans `[start, end)`
 * of the original text (so every chunk keeps exact offsets into its document).
 * Sentences end at Chinese 。！？；… and English . ! ? ; (followed by closing quotes/brackets and,
 * for English, white space), or at a blank line.
 */

/** A half-open character range of a text. */
export interface Span {
  start: number
  end: number
}

/** Shrinks a span to exclude white space at both ends; null if nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start] as string)) start++
  while (end > start && /\s/.test(text[end - 1] as string)) end--
  return end > start ? { start, end } : null
}

/** Splits `[start, end)` at every match of `re` (global); the separator is dropped. */
function splitBy(text: string, start: number, end: number, re: RegExp): Span[] {
  const out: Span[] = []
  const part = text.slice(start, end)
  let from = 0
  for (const m of part.matchAll(re)) {
    const s = trimSpan(text, start + from, start + (m.index as number))
    if (s) out.push(s)
    from = (m.index as number) + m[0].length
  }
  const last = trimSpan(text, start + from, end)
  if (last) out.push(last)
  return out
}

/**
 * Paragraphs: separated by blank lines. A text with no blank line but many line breaks (common in
 * Chinese documents) is split at single line breaks.
 */
export function paragraphs(text: string, start = 0, end = text.length): Span[] {
  const byBlank = splitBy(text, start, end, /\n[ \t\u3000]*\n\s*/g)
  if (byBlank.length > 1) return byBlank
  const lines = splitBy(text, start, end, /\n/g)
  return lines.length > 2 ? lines : byBlank
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'etc', 'e.g', 'i.e', 'fig', 'no', 'vol', 'cf', 'approx'])

// A sentence end: CJK enders (no space needed), or ASCII enders followed by space/end, each
// optionally followed by closing quotes or brackets.
const ENDER = /([。！？；…]+|\.{3}|[!?;]+|\.)["'”’」』）)\]]*/g

/** Sentences of `[start, end)`: see the module comment. Abbreviations (Dr., e.g.) and decimals do not end one. */
export function sentences(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = []
  for (const para of paragraphs(text, start, end)) {
    let from = para.start
    const part = text.slice(para.start, para.end)
    for (const m of part.matchAll(ENDER)) {
      const stop = para.start + (m.index as number) + m[0].length
      const ender = m[1] as string
      const next = text[stop]
      const cjk = /[。！？；…]/.test(ender)
      if (!cjk) {
        if (next !== undefined && stop < para.end && !/\s/.test(next)) continue
        if (ender === '.') {
          const word = /([A-Za-z.]+)$/.exec(text.slice(from, para.start + (m.index as number)))?.[1]?.toLowerCase() ?? ''
          if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word)) continue
        }
      }
      const s = trimSpan(text, from, stop)
      if (s) out.push(s)
      from = stop
    }
    const last = trimSpan(text, from, para.end)
    if (last) out.push(last)
  }
  return out
}

// Pieces for token windows: a Latin word with its trailing space, up to 4 Han/Kana characters, one
// punctuation mark, or any other run of non-space characters.
const PIECE = /(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+\s*|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,4}\s*|\p{P}\s*|\S+?\s*/gu

/** Small pieces (words, short runs of Chinese characters, punctuation) that tile `[start, end)`. */
export function pieces(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = []
  const part = text.slice(start, end)
  let last = 0
  for (const m of part.matchAll(PIECE)) {
    const s = start + (m.index as number)
    if (m.index !== last && out.length) (out[out.length - 1] as Span).end = s
    out.push({ start: s, end: s + m[0].length })
    last = (m.index as number) + m[0].length
  }
  return out
}
