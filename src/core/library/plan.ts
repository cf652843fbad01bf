/**
 * Planning an import without embedding anything: parse each file, chunk its documents, drop
 * duplicates. Used by the preview (counts, sizes) and by the import job (which journals the plan).
 */
import { createHash } from 'node:crypto'
import type { Chunking, FileProblem, FileSpec, PreviewResult } from '../../shared/contract/library'
import { chunkDocument, type TokenCounter } from './chunker'
import type { PendingChunk } from './journal'
import { parseFile } from './parse/index'
import type { StagedEntry } from './staging'
import { textHash } from './store'
import type { DocumentRow } from './tables'

export interface Plan {
  documents: DocumentRow[]
  chunks: PendingChunk[]
  /** Token count of each entry of `chunks`. */
  tokens: number[]
  files: PreviewResult['files']
  duplicates: number
}

/** A stable document id: the same file content under the same name in the same library. */
export function documentId(libraryId: string, name: string, text: string): string {
  return `d${createHash('sha256').update(`${libraryId}\0${name}\0${text}`).digest('hex').slice(0, 16)}`
}

/**
 * Parses and chunks `files` (vectors files are skipped here: see vectors-import.ts).
 * @param known ids of documents and text hashes of chunks already in the library
 * @param onFile called after each file (for progress)
 */
export async function planImport(
  libraryId: string,
  files: { entry: StagedEntry; spec: FileSpec }[],
  chunking: Chunking,
  known: { documents: Set<string>; hashes: Set<string> },
  count: TokenCounter,
  onFile: (done: number) => void = () => undefined
): Promise<Plan> {
  const plan: Plan = { documents: [], chunks: [], tokens: [], files: [], duplicates: 0 }
  const hashes = new Set(known.hashes)
  for (const [i, { entry, spec }] of files.entries()) {
    const parsed = await parseFile(entry.name, entry.bytes, spec)
    const problems: FileProblem[] = [...parsed.problems]
    let docs = 0
    let chunks = 0
    for (const doc of parsed.documents) {
      const id = documentId(libraryId, doc.name, doc.text)
      if (known.documents.has(id)) {
        problems.push({ code: 'ALREADY_IMPORTED', file: doc.name, detail: 'This file is already in the library with the same content; it was skipped.', fatal: true })
        continue
      }
      known.documents.add(id)
      const planned = await chunkDocument(doc, chunking, count)
      let kept = 0
      planned.forEach((c, k) => {
        const text = doc.text.slice(c.start, c.end)
        const hash = textHash(text)
        if (chunking.skipDuplicates && hashes.has(hash)) {
          plan.duplicates++
          return
        }
        hashes.add(hash)
        plan.chunks.push({ id: `${id}:${k}`, documentId: id, documentName: doc.name, text, start: c.start, end: c.end, meta: JSON.stringify(c.meta), hash })
        plan.tokens.push(c.tokens)
        kept++
      })
      plan.documents.push({ id, name: doc.name, format: doc.format, encoding: doc.encoding, bytes: doc.bytes, chunks: kept, addedAt: Date.now() })
      docs++
      chunks += kept
    }
    plan.files.push({ fileId: entry.fileId, name: entry.name, documents: docs, chunks, problems })
    onFile(i + 1)
  }
  return plan
}

/** Token statistics and a histogram of chunk sizes (10 equal-width bins from 0 to the largest). */
export function tokenStats(tokens: number[]): PreviewResult['tokens'] {
  if (tokens.length === 0) return { min: 0, max: 0, mean: 0, total: 0, edges: [0, 1], counts: [0] }
  let min = Infinity
  let max = 0
  let total = 0
  for (const t of tokens) {
    min = Math.min(min, t)
    max = Math.max(max, t)
    total += t
  }
  const bins = 10
  const width = Math.max(1, Math.ceil((max + 1) / bins))
  const edges = Array.from({ length: bins + 1 }, (_, i) => i * width)
  const counts = new Array<number>(bins).fill(0)
  for (const t of tokens) counts[Math.min(bins - 1, Math.floor(t / width))]! += 1
  return { min, max, mean: total / tokens.length, total, edges, counts }
}
