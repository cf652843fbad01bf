/**
 * The byte ↔ character table of byte-level BPE (GPT-2, Llama 3, Qwen): every byte is written as a
 * printable character so vocabularies can be JSON strings ('Ġ' is the space byte 0x20).
 * Source: `bytes_to_unicode()` in OpenAI's GPT-2 encoder.py (MIT); rebuilt here from its rule.
 */

function buildTable(): Map<string, number> {
  const printable: number[] = []
  const ranges: [number, number][] = [
    [0x21, 0x7e],
    [0xa1, 0xac],
    [0xae, 0xff]
  ]
  for (const [a, b] of ranges) for (let x = a; x <= b; x++) printable.push(x)
  const table = new Map<string, number>()
  for (const b of printable) table.set(String.fromCodePoint(b), b)
  let extra = 0
  for (let b = 0; b < 256; b++) {
    if (printable.includes(b)) continue
    table.set(String.fromCodePoint(256 + extra), b)
    extra++
  }
  return table
}

const CHAR_TO_BYTE = buildTable()

/** The bytes a byte-level piece stands for, or null if a character is outside the table (an added token). */
export function byteLevelPieceToBytes(piece: string): number[] | null {
  const out: number[] = []
  for (const ch of piece) {
    const b = CHAR_TO_BYTE.get(ch)
    if (b === undefined) return null
    out.push(b)
  }
  return out
}

const utf8 = new TextEncoder()
const lenient = new TextDecoder('utf-8', { fatal: false })

/** UTF-8 bytes of a string, as a plain array. */
export function utf8Bytes(text: string): number[] {
  return Array.from(utf8.encode(text))
}

/** Decodes bytes on their own; an incomplete character becomes U+FFFD. */
export function bytesToText(bytes: number[]): string {
  return lenient.decode(new Uint8Array(bytes))
}
