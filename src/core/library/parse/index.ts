/**
 * Reading one imported file: its format (by extension, then content), encoding, fields, and its
 * documents. Every failure is a {@link FileProblem} naming the file; nothing here throws for bad input.
 */
import type { FileFormat, FileProblem, StagedFile } from '../../../shared/contract/library'
import { MAX_FILE_BYTES } from '../../../shared/contract/library'
import { decodeText, detectEncoding, looksBinary } from '../encoding'
import { parseDocx } from './docx'
import { jsonFields, parseJson } from './json'
import { parsePdf } from './pdf'
import { parseTable, tableFields } from './table'
import { LONG_LINE_CHARS, longestLine, textDocument } from './text'
import { FileError, type ParseResult, warning } from './types'
import { looksLikeVectors } from './vectors'

const EXTENSIONS: Record<string, FileFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  docx: 'docx',
  csv: 'csv',
  tsv: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl'
}

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS)

/** The format a file name announces, or null. */
export function formatOfName(name: string): FileFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase()
  return ext ? (EXTENSIONS[ext] ?? null) : null
}

const isBinaryFormat = (f: FileFormat): boolean => f === 'pdf' || f === 'docx'

/** Checks that apply to every file. @throws FileError TOO_LARGE, EMPTY, UNSUPPORTED, BINARY */
function precheck(name: string, bytes: Uint8Array): FileFormat {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new FileError('TOO_LARGE', name, `It is ${(bytes.byteLength / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB per file. Split it into smaller files.`)
  }
  const format = formatOfName(name)
  if (!format) throw new FileError('UNSUPPORTED', name, `Supported: .${SUPPORTED_EXTENSIONS.join(' .')}`)
  if (bytes.byteLength === 0) throw new FileError('EMPTY', name, 'The file is empty (0 bytes).')
  if (!isBinaryFormat(format) && looksBinary(bytes)) throw new FileError('BINARY', name, `It holds binary data, not ${format.toUpperCase()} text.`)
  return format
}

function decode(name: string, bytes: Uint8Array, encoding: string): { text: string; problems: FileProblem[] } {
  let decoded
  try {
    decoded = decodeText(bytes, encoding)
  } catch (e) {
    throw new FileError('UNSUPPORTED', name, (e as Error).message)
  }
  const problems: FileProblem[] = []
  if (decoded.replaced > 0) problems.push(warning('DECODE_REPLACED', name, `${decoded.replaced} character(s) could not be decoded as ${encoding}; try another encoding.`))
  const text = decoded.text.replace(/\r\n?/g, '\n')
  if (!text.trim()) throw new FileError('EMPTY', name, 'The file contains only spaces or blank lines.')
  const longest = longestLine(text)
  if (longest > LONG_LINE_CHARS) problems.push(warning('LONG_LINE', name, `It has a line of ${longest.toLocaleString('en')} characters without a line break; it will be cut by sentences and token windows.`))
  return { text, problems }
}

/** What the import dialog needs to know about a file (everything of {@link StagedFile} but its id); never throws. */
export async function inspectFile(name: string, bytes: Uint8Array, encodingOverride?: string): Promise<Omit<StagedFile, 'fileId'>> {
  const base = { name, bytes: bytes.byteLength, format: null, encoding: null, fields: [], suggestedTextField: null, sample: '', problems: [] }
  try {
    let format = precheck(name, bytes)
    if (isBinaryFormat(format)) {
      // Read it now, so a locked or scanned PDF is reported as soon as it is added.
      const doc = format === 'pdf' ? await parsePdf(name, bytes) : await parseDocx(name, bytes)
      return { ...base, format, sample: doc.text.slice(0, 300) }
    }
    const guess = detectEncoding(bytes)
    const encoding = encodingOverride ? { ...guess, encoding: encodingOverride, candidates: [guess.encoding, ...guess.candidates].filter((c) => c !== encodingOverride) } : guess
    const { text, problems } = decode(name, bytes, encoding.encoding)
    if (format === 'tsv' && looksLikeVectors(text)) format = 'vectors'
    const fields = format === 'csv' || format === 'tsv' ? tableFields(name, text, format) : format === 'json' || format === 'jsonl' ? jsonFields(name, text, format) : null
    return { ...base, format, encoding, fields: fields?.fields ?? [], suggestedTextField: fields?.suggested ?? null, sample: text.slice(0, 300), problems }
  } catch (e) {
    return { ...base, problems: [toProblem(name, e)] }
  }
}

/** Any error as a fatal problem of this file. */
export function toProblem(name: string, e: unknown): FileProblem {
  if (e instanceof FileError) return e.toProblem()
  return { code: 'UNSUPPORTED', file: name, detail: e instanceof Error ? e.message : String(e), fatal: true }
}

/** How to read a file (from the import dialog). */
export interface ReadOptions {
  encoding?: string
  textField?: string
  metaFields?: string[]
}

/**
 * Reads a text, PDF, Word, CSV/TSV or JSON file into documents. Vectors files are read by the
 * importer (they skip chunking). Never throws for bad input: problems are returned.
 */
export async function parseFile(name: string, bytes: Uint8Array, opts: ReadOptions = {}): Promise<ParseResult> {
  try {
    const format = precheck(name, bytes)
    if (format === 'pdf') return { documents: [await parsePdf(name, bytes)], problems: [] }
    if (format === 'docx') return { documents: [await parseDocx(name, bytes)], problems: [] }
    const encoding = opts.encoding ?? detectEncoding(bytes).encoding
    const { text, problems } = decode(name, bytes, encoding)
    const size = bytes.byteLength
    if (format === 'csv' || format === 'tsv') return { documents: [parseTable(name, text, format, encoding, size, opts.textField, opts.metaFields)], problems }
    if (format === 'json' || format === 'jsonl') {
      const r = parseJson(name, text, format, encoding, size, opts.textField, opts.metaFields)
      return { documents: [r.doc], problems: [...problems, ...r.problems] }
    }
    return { documents: [textDocument(name, text, format, encoding, size)], problems }
  } catch (e) {
    return { documents: [], problems: [toProblem(name, e)] }
  }
}
