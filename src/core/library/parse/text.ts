/** Plain text, Markdown and HTML: decoded text, one segment per file. */
import { convert } from 'html-to-text'
import type { FileFormat } from '../../../shared/contract/library'
import { type ParsedDocument, FileError } from './types'

/** Lines longer than this get a warning: the file is probably not prose (minified, one-line export). */
export const LONG_LINE_CHARS = 100_000

/** HTML → readable text: block elements become lines, links keep their words, images and scripts vanish. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } }
    ]
  })
}

/**
 * A text-like file as one document.
 * @throws FileError NO_TEXT if nothing but whitespace remains
 */
export function textDocument(name: string, decoded: string, format: FileFormat, encoding: string, bytes: number): ParsedDocument {
  const text = (format === 'html' ? htmlToText(decoded) : decoded).replace(/\r\n?/g, '\n')
  if (!text.trim()) throw new FileError(format === 'html' ? 'NO_TEXT' : 'EMPTY', name, 'The file contains no text.')
  return { name, text, segments: [{ start: 0, end: text.length, meta: {} }], format, encoding, bytes }
}

/** Length of the longest line, characters. */
export function longestLine(text: string): number {
  let max = 0
  let from = 0
  for (;;) {
    const i = text.indexOf('\n', from)
    const end = i < 0 ? text.length : i
    max = Math.max(max, end - from)
    if (i < 0) return max
    from = i + 1
  }
}
