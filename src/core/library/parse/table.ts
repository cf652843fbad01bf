/**
 * CSV / TSV with papaparse. The first row names the columns; the user picks the text column and
 * the columns kept as metadata. Each row becomes one segment (meta: chosen columns + `row`).
 */
import Papa from 'papaparse'
import type { FileFormat } from '../../../shared/contract/library'
import { type ParsedDocument, FileError, joinSegments } from './types'

/** Line (1-based, header included) where a quote opens and is never closed, or null. */
export function unclosedQuoteLine(text: string): number | null {
  let line = 1
  let openedAt: number | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    else if (c === '"') {
      if (openedAt === null) openedAt = line
      else if (text[i + 1] === '"') i++ // an escaped quote inside a quoted field
      else openedAt = null
    }
  }
  return openedAt
}

/** Rows of a table with its header. @throws FileError CSV_BROKEN on broken quoting */
function read(name: string, text: string, format: FileFormat, preview = 0): { fields: string[]; rows: Record<string, string>[] } {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', delimiter: format === 'tsv' ? '\t' : '', preview })
  const quote = result.errors.find((e) => e.type === 'Quotes')
  if (quote) {
    const line = unclosedQuoteLine(text)
    throw new FileError('CSV_BROKEN', name, `${quote.message}${line ? ` (the quote opens on line ${line})` : ''}. Check that every opening quote " has a closing one, or save the file again from a spreadsheet program.`)
  }
  return { fields: (result.meta.fields ?? []).filter((f) => f !== ''), rows: result.data }
}

/** The most text-like column: the one with the longest average value. */
function suggest(fields: string[], rows: Record<string, string>[]): string | null {
  let best: string | null = null
  let bestLen = -1
  for (const f of fields) {
    const len = rows.reduce((n, r) => n + (r[f]?.length ?? 0), 0)
    if (len > bestLen) [best, bestLen] = [f, len]
  }
  return best
}

/** Columns and the suggested text column, from the first 200 rows. */
export function tableFields(name: string, text: string, format: FileFormat): { fields: string[]; suggested: string | null } {
  const { fields, rows } = read(name, text, format, 200)
  return { fields, suggested: suggest(fields, rows) }
}

/**
 * @throws FileError CSV_BROKEN, NO_TEXT_FIELD (the text column does not exist), NO_TEXT (it is empty)
 */
export function parseTable(name: string, text: string, format: FileFormat, encoding: string, bytes: number, textField?: string, metaFields: string[] = []): ParsedDocument {
  const { fields, rows } = read(name, text, format)
  const field = textField ?? suggest(fields, rows.slice(0, 200))
  if (!field || !fields.includes(field)) throw new FileError('NO_TEXT_FIELD', name, `There is no column "${field ?? ''}". Columns: ${fields.join(', ') || '(none)'}.`)
  const pieces = rows.map((r, i) => ({
    text: r[field] ?? '',
    meta: Object.fromEntries([['row', String(i + 1)], ...metaFields.filter((m) => m !== field && fields.includes(m)).map((m) => [m, r[m] ?? ''])])
  }))
  const joined = joinSegments(pieces)
  if (!joined.text) throw new FileError('NO_TEXT', name, `The column "${field}" is empty in every row.`)
  return { name, ...joined, format, encoding, bytes }
}
