/**
 * PDF → text with pdf.js (pdfjs-dist, legacy build for Node): one segment per page with meta
 * `{ page }`. A password-protected PDF and one without any text layer (a scan) get clear errors.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { type ParsedDocument, FileError, joinSegments } from './types'

/**
 * @throws FileError PDF_ENCRYPTED (needs a password), PDF_NO_TEXT (scanned: images only),
 *         PDF_BROKEN (pdf.js cannot read it)
 */
export async function parsePdf(name: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdf.js detaches the buffer it is given: pass a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 })
  let doc
  try {
    doc = await task.promise
  } catch (e) {
    const err = e as { name?: string; message?: string }
    if (err.name === 'PasswordException') throw new FileError('PDF_ENCRYPTED', name, 'The PDF is protected by a password.')
    throw new FileError('PDF_BROKEN', name, `pdf.js could not read it: ${err.message ?? String(e)}`)
  }
  try {
    const pages: { text: string; meta: Record<string, string> }[] = []
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent()
      let text = ''
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue
        text += item.str + (item.hasEOL ? '\n' : '')
      }
      pages.push({ text, meta: { page: String(p) } })
    }
    const joined = joinSegments(pages)
    if (!joined.text.trim()) throw new FileError('PDF_NO_TEXT', name, `None of its ${doc.numPages} page(s) has a text layer (a scanned document?).`)
    return { name, ...joined, format: 'pdf', encoding: '', bytes: bytes.byteLength }
  } finally {
    await task.destroy()
  }
}
