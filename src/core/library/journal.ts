/**
 * Journals of library jobs: `<userData>/libraries/jobs/<id>.json`, written atomically before any
 * embedding starts and removed when the job ends. A journal still present at start-up is an
 * interrupted job: its chunks already in LanceDB are kept, the rest are embedded (see importer.ts).
 */
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../settings/settings'
import type { ChunkRow, DocumentRow } from './tables'

/** A chunk waiting for its vector. */
export type PendingChunk = Omit<ChunkRow, 'vector'>

export interface ImportJournal {
  version: 1
  kind: 'import'
  id: string
  libraryId: string
  modelId: string
  createdAt: number
  documents: DocumentRow[]
  chunks: PendingChunk[]
}

/** Re-embedding: every chunk of generation `from` is embedded again into generation `to`. */
export interface ReembedJournal {
  version: 1
  kind: 'reembed'
  id: string
  libraryId: string
  modelId: string
  createdAt: number
  from: number
  to: number
}

export type Journal = ImportJournal | ReembedJournal

export class Journals {
  constructor(private readonly dir: string) {}

  private path(id: string): string {
    return join(this.dir, `${id}.json`)
  }

  async write(journal: Journal): Promise<void> {
    await writeFileAtomic(this.path(journal.id), JSON.stringify(journal))
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true })
  }

  /** Every journal left on disk; unreadable ones are set aside as `.bad` (their job cannot resume). */
  async all(): Promise<Journal[]> {
    let names: string[]
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json'))
    } catch {
      return []
    }
    const out: Journal[] = []
    for (const n of names) {
      const text = await readFile(join(this.dir, n), 'utf8')
      try {
        const j = JSON.parse(text) as Journal
        if (j.version === 1) out.push(j)
      } catch {
        await writeFileAtomic(join(this.dir, `${n}.bad`), text)
        await rm(join(this.dir, n), { force: true })
      }
    }
    return out.sort((a, b) => a.createdAt - b.createdAt)
  }
}
