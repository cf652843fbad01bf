/** What every parser returns: documents made of segments (a page, a CSV row, a JSON record). */
import type { FileErrorCode, FileFormat, FileProblem } from '../../../shared/contract/library'

/** A stretch of a document's text with its own metadata; `start`/`end` are character offsets. */
export interface Segment {
  start: number
  end: number
  meta: Record<string, string>
}

/** One document ready to be chunked. */
export interface ParsedDocument {
  name: string
  text: string
  segments: Segment[]
  format: FileFormat
  /** '' for binary formats */
  encoding: string
  bytes: number
}

/** Brought-in vectors (Projector TSV): `vectors` is row-major `[labels.length, dim]`. */
export interface BroughtVectors {
  name: string
  dim: number
  vectors: Float32Array
}

export interface ParseResult {
  documents: ParsedDocument[]
  problems: FileProblem[]
}

/** An error that stops one file (the import goes on with the others). */
export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly file: string,
    detail: string
  ) {
    super(detail)
  }

  toProblem(): FileProblem {
    return { code: this.code, file: this.file, detail: this.message, fatal: true }
  }
}

/** A non-fatal problem (the file is imported). */
export function warning(code: FileProblem['code'], file: string, detail: string): FileProblem {
  return { code, file, detail, fatal: false }
}

/** Joins pieces into one text with blank lines between, returning each piece's segment. */
export function joinSegments(pieces: { text: string; meta: Record<string, string> }[]): { text: string; segments: Segment[] } {
  const segments: Segment[] = []
  let text = ''
  for (const p of pieces) {
    const t = p.text.trim()
    if (!t) continue
    if (text) text += '\n\n'
    segments.push({ start: text.length, end: text.length + t.length, meta: p.meta })
    text += t
  }
  return { text, segments }
}
