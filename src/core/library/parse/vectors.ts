/**
 * "Bring your own vectors": the TensorFlow Embedding Projector's TSV pair. `vectors.tsv` has one
 * vector per line (numbers separated by tabs, no header); the optional metadata TSV has one row
 * per vector — a single column without header, or several columns under a header row.
 */
import Papa from 'papaparse'
import { FileError } from './types'

/** True if the first line of `text` is only numbers separated by tabs (a vectors file). */
export function looksLikeVectors(text: string): boolean {
  const first = text.slice(0, 200_000).split('\n', 1)[0]?.trim() ?? ''
  const cells = first.split('\t')
  return cells.length >= 2 && cells.every((c) => c.trim() !== '' && Number.isFinite(Number(c)))
}

/**
 * Parses vectors and L2-normalises each (cosine similarity is what the explorer uses).
 * @returns `vectors` row-major `[rows, dim]`
 * @throws FileError VECTORS_BROKEN for ragged rows or non-numbers (naming the line)
 */
export function parseVectors(name: string, text: string): { dim: number; rows: number; vectors: Float32Array } {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  const dim = lines[0]?.split('\t').length ?? 0
  if (lines.length === 0 || dim < 2) throw new FileError('VECTORS_BROKEN', name, 'No vectors found: each line must hold numbers separated by tabs.')
  const vectors = new Float32Array(lines.length * dim)
  lines.forEach((line, r) => {
    const cells = line.split('\t')
    if (cells.length !== dim) throw new FileError('VECTORS_BROKEN', name, `Line ${r + 1} has ${cells.length} numbers; the first line has ${dim}. Every vector must have the same length.`)
    let norm = 0
    cells.forEach((c, k) => {
      const v = Number(c)
      if (!Number.isFinite(v)) throw new FileError('VECTORS_BROKEN', name, `Line ${r + 1}, column ${k + 1} is not a number ("${c.slice(0, 20)}").`)
      vectors[r * dim + k] = v
      norm += v * v
    })
    norm = Math.sqrt(norm) || 1
    for (let k = 0; k < dim; k++) vectors[r * dim + k] = (vectors[r * dim + k] as number) / norm
  })
  return { dim, rows: lines.length, vectors }
}

/**
 * Parses the metadata TSV: labels (the `text`/`label`/`name` column or the first) and the other
 * columns as meta.
 * @throws FileError VECTORS_BROKEN if its row count differs from `rows`
 */
export function parseVectorMeta(name: string, text: string, rows: number): { labels: string[]; meta: Record<string, string>[] } {
  const data = Papa.parse<string[]>(text.replace(/\n+$/, ''), { delimiter: '\t', quoteChar: '\u0000' }).data
  const header = (data[0]?.length ?? 0) > 1 ? (data.shift() as string[]) : ['label']
  if (data.length !== rows) throw new FileError('VECTORS_BROKEN', name, `It has ${data.length} rows of metadata for ${rows} vectors; they must match one to one.`)
  const labelCol = Math.max(0, header.findIndex((h) => /^(text|label|name|word|title)$/i.test(h.trim())))
  return {
    labels: data.map((r) => r[labelCol] ?? ''),
    meta: data.map((r) => Object.fromEntries(header.flatMap((h, k) => (k === labelCol ? [] : [[h, r[k] ?? '']]))))
  }
}
