/** Word (.docx) → text with mammoth: paragraphs separated by blank lines, one segment. */
import mammoth from 'mammoth'
import { type ParsedDocument, FileError } from './types'

/** @throws FileError DOCX_BROKEN (not a readable .docx), NO_TEXT (no text in it) */
export async function parseDocx(name: string, bytes: Uint8Array): Promise<ParsedDocument> {
  let value: string
  try {
    value = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value
  } catch (e) {
    throw new FileError('DOCX_BROKEN', name, `It is not a readable Word document (${e instanceof Error ? e.message : String(e)}).`)
  }
  const text = value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim()
  if (!text) throw new FileError('NO_TEXT', name, 'The document contains no text.')
  return { name, text, segments: [{ start: 0, end: text.length, meta: {} }], format: 'docx', encoding: '', bytes: bytes.byteLength }
}
