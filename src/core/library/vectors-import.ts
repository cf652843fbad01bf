/** "Bring your own vectors": a Projector TSV pair becomes one document whose chunks carry the given vectors. */
import { dirname } from 'node:path'
import type { FileProblem } from '../../shared/contract/library'
import { decodeText, detectEncoding } from './encoding'
import { FileError } from './parse/types'
import { parseVectorMeta, parseVectors } from './parse/vectors'
import { documentId } from './plan'
import type { StagedEntry } from './staging'
import { textHash } from './store'
import type { ChunkRow, DocumentRow } from './tables'

export interface VectorSet {
  document: DocumentRow
  rows: ChunkRow[]
  dim: number
}

const text = (e: StagedEntry): string => decodeText(e.bytes, e.info.encoding?.encoding ?? detectEncoding(e.bytes).encoding).text

/** Pairs each vectors file with the metadata file of the same folder (or the only one staged). */
export function pairVectorFiles(entries: StagedEntry[]): { vectors: StagedEntry; meta: StagedEntry | null }[] {
  const metas = entries.filter((e) => e.info.format === 'vectors-meta')
  return entries
    .filter((e) => e.info.format === 'vectors')
    .map((v) => ({ vectors: v, meta: metas.find((m) => dirname(m.name) === dirname(v.name)) ?? (metas.length === 1 ? (metas[0] as StagedEntry) : null) }))
}

/**
 * Reads one pair into rows ready to store (vectors L2-normalised).
 * @returns the set, or a problem naming the file
 */
export function readVectorSet(libraryId: string, pair: { vectors: StagedEntry; meta: StagedEntry | null }): VectorSet | FileProblem {
  try {
    const v = parseVectors(pair.vectors.name, text(pair.vectors))
    const m = pair.meta ? parseVectorMeta(pair.meta.name, text(pair.meta), v.rows) : null
    const labels = m?.labels ?? Array.from({ length: v.rows }, (_, i) => `#${i + 1}`)
    const id = documentId(libraryId, pair.vectors.name, labels.join('\n') + v.vectors.length)
    const rows: ChunkRow[] = labels.map((label, i) => ({
      id: `${id}:${i}`,
      documentId: id,
      documentName: pair.vectors.name,
      text: label,
      start: 0,
      end: label.length,
      meta: JSON.stringify(m?.meta[i] ?? {}),
      hash: textHash(`${label}\0${i}`),
      vector: v.vectors.slice(i * v.dim, (i + 1) * v.dim)
    }))
    const document: DocumentRow = { id, name: pair.vectors.name, format: 'vectors', encoding: '', bytes: pair.vectors.bytes.byteLength, chunks: rows.length, addedAt: Date.now() }
    return { document, rows, dim: v.dim }
  } catch (e) {
    if (e instanceof FileError) return e.toProblem()
    return { code: 'VECTORS_BROKEN', file: pair.vectors.name, detail: e instanceof Error ? e.message : String(e), fatal: true }
  }
}
