/**
 * JSON (an array of records, or an object holding one) and JSON Lines (one record per line).
 * The user picks the field holding the text and the fields kept as metadata; each record is one
 * segment. Fields are top-level keys, or `a.b` one level down.
 */
import type { FileFormat, FileProblem } from '../../../shared/contract/library'
import { type ParsedDocument, FileError, joinSegments, warning } from './types'

type Json = unknown

function records(name: string, text: string, format: FileFormat): { items: Json[]; problems: FileProblem[] } {
  if (format === 'jsonl') {
    const items: Json[] = []
    const bad: number[] = []
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return
      try {
        items.push(JSON.parse(line))
      } catch {
        bad.push(i + 1)
      }
    })
    if (items.length === 0) throw new FileError('JSON_BROKEN', name, `No line is valid JSON (first bad line: ${bad[0] ?? 1}).`)
    const problems = bad.length ? [warning('JSON_BROKEN', name, `${bad.length} line(s) are not valid JSON and were skipped (first: line ${bad[0]}).`)] : []
    return { items, problems }
  }
  let data: Json
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new FileError('JSON_BROKEN', name, `It is not valid JSON: ${(e as Error).message}. Fix it in an editor, or save one record per line as .jsonl.`)
  }
  if (Array.isArray(data)) return { items: data, problems: [] }
  if (data && typeof data === 'object') {
    const arrays = Object.values(data).filter(Array.isArray)
    const longest = arrays.sort((a, b) => b.length - a.length)[0]
    if (longest) return { items: longest, problems: [] }
    return { items: [data], problems: [] }
  }
  return { items: [data], problems: [] }
}

function get(item: Json, path: string): string | undefined {
  let v: Json = item
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, Json>)[k] : undefined
  if (v === undefined || v === null) return undefined
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)
}

function fieldsOf(items: Json[]): string[] {
  const out = new Set<string>()
  for (const item of items.slice(0, 200)) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue
    for (const [k, v] of Object.entries(item)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) for (const k2 of Object.keys(v)) out.add(`${k}.${k2}`)
      else out.add(k)
    }
  }
  return [...out]
}

/** Fields and the suggested text field (the one with the longest string values). */
export function jsonFields(name: string, text: string, format: FileFormat): { fields: string[]; suggested: string | null } {
  const { items } = records(name, text, format)
  const fields = fieldsOf(items)
  let suggested: string | null = null
  let best = -1
  for (const f of fields) {
    const len = items.slice(0, 200).reduce((n: number, it) => n + (get(it, f)?.length ?? 0), 0)
    if (len > best) [suggested, best] = [f, len]
  }
  return { fields, suggested }
}

/** @throws FileError JSON_BROKEN, NO_TEXT_FIELD, NO_TEXT */
export function parseJson(name: string, text: string, format: FileFormat, encoding: string, bytes: number, textField?: string, metaFields: string[] = []): { doc: ParsedDocument; problems: FileProblem[] } {
  const { items, problems } = records(name, text, format)
  const strings = items.every((it) => typeof it === 'string')
  const field = strings ? null : (textField ?? jsonFields(name, text, format).suggested)
  if (!strings && !field) throw new FileError('NO_TEXT_FIELD', name, 'Its records have no fields to read text from.')
  const pieces = items.map((it, i) => ({
    text: field ? (get(it, field) ?? '') : String(it),
    meta: Object.fromEntries([['record', String(i + 1)], ...metaFields.filter((m) => m !== field).map((m) => [m, get(it, m) ?? ''])])
  }))
  const joined = joinSegments(pieces)
  if (!joined.text) throw new FileError(field ? 'NO_TEXT_FIELD' : 'NO_TEXT', name, field ? `No record has text in "${field}".` : 'The file contains no text.')
  return { doc: { name, ...joined, format, encoding, bytes }, problems }
}
