/**
 * Text encodings of imported files: detection (byte-order mark, UTF-8 validity, then chardet's
 * statistical guess) and decoding with iconv-lite. The user can override the guess.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'
import type { EncodingGuess } from '../../shared/contract/library'

/** chardet name → the name we decode with (ISO-8859-1 is read as its superset Windows-1252, as browsers do). */
const ALIASES: Record<string, string> = {
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gbk',
  gb2312: 'gb18030',
  big5: 'big5',
  shift_jis: 'shift_jis',
  'euc-jp': 'euc-jp',
  'euc-kr': 'euc-kr',
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252'
}

const SAMPLE_BYTES = 64 * 1024

function bomOf(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/** UTF-16 without a BOM shows as NUL bytes on every other position (ASCII-range text). */
function utf16ByNuls(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1
  if (n < 4) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  const half = n / 2
  if (odd > 0.3 * half && even < 0.05 * half) return 'utf-16le'
  if (even > 0.3 * half && odd < 0.05 * half) return 'utf-16be'
  return null
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * True if the bytes look binary (NUL bytes or many control characters in the first 64 KB) and are
 * not UTF-16.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomOf(bytes) || utf16ByNuls(bytes)) return false
  const n = Math.min(bytes.length, SAMPLE_BYTES)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number
    if (b === 0) return true
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++
  }
  return n > 0 && control / n > 0.1
}

/** Guesses the encoding of `bytes` (see {@link EncodingGuess}). */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = bomOf(bytes)
  if (bom) return { encoding: bom, confidence: 100, candidates: [], bom: true }
  const utf16 = utf16ByNuls(bytes)
  if (utf16) return { encoding: utf16, confidence: 90, candidates: [utf16 === 'utf-16le' ? 'utf-16be' : 'utf-16le'], bom: false }
  const matches = chardet
    .analyse(bytes.subarray(0, SAMPLE_BYTES * 4))
    .map((m) => ({ name: ALIASES[m.name.toLowerCase()], confidence: m.confidence }))
    .filter((m): m is { name: string; confidence: number } => m.name !== undefined)
  const others = [...new Set(matches.map((m) => m.name))]
  // Valid UTF-8 with any byte ≥ 0x80 is almost never another encoding by chance.
  if (isUtf8(bytes)) return { encoding: 'utf-8', confidence: 100, candidates: others.filter((n) => n !== 'utf-8').slice(0, 4), bom: false }
  const best = matches.find((m) => m.name !== 'utf-8')
  const encoding = best?.name ?? 'windows-1252'
  return { encoding, confidence: best?.confidence ?? 10, candidates: others.filter((n) => n !== encoding && n !== 'utf-8').slice(0, 4), bom: false }
}

/**
 * Decodes `bytes` with `encoding` (a BOM is removed).
 * @returns the text and how many characters could not be decoded (U+FFFD replacements)
 * @throws Error if iconv-lite does not know the encoding
 */
export function decodeText(bytes: Uint8Array, encoding: string): { text: string; replaced: number } {
  if (!iconv.encodingExists(encoding)) throw new Error(`Unknown encoding "${encoding}"`)
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true })
  let replaced = 0
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) replaced++
  return { text, replaced }
}
