/**
 * Files uploaded for an import, held in memory until imported or unstaged (bytes never go to
 * disk before the user has seen the preview). Total size is capped.
 */
import { randomBytes } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { StagedFile } from '../../shared/contract/library'
import { inspectFile } from './parse/index'

/** Largest total of staged bytes (600 MB). */
export const MAX_STAGED_BYTES = 600 * 1024 * 1024

export interface StagedEntry {
  fileId: string
  name: string
  bytes: Uint8Array
  info: StagedFile
}

export class Staging {
  private readonly files = new Map<string, StagedEntry>()
  private total = 0

  /** Inspects and keeps files; a `metadata` TSV next to a vectors file is marked `vectors-meta`. */
  async add(files: { name: string; bytes: Uint8Array }[]): Promise<StagedFile[]> {
    const size = files.reduce((n, f) => n + f.bytes.byteLength, 0)
    if (this.total + size > MAX_STAGED_BYTES) throw new AppError('BAD_REQUEST', `Too much at once: ${Math.round((this.total + size) / 1048576)} MB staged, the limit is ${MAX_STAGED_BYTES / 1048576} MB. Import the files in smaller groups.`)
    const out: StagedFile[] = []
    for (const f of files) {
      const fileId = `f${randomBytes(8).toString('hex')}`
      const info: StagedFile = { fileId, ...(await inspectFile(f.name, f.bytes)) }
      // Bad files keep no bytes: their error is all the import needs.
      const bytes = info.problems.some((p) => p.fatal) ? new Uint8Array(0) : f.bytes
      this.files.set(fileId, { fileId, name: f.name, bytes, info })
      this.total += bytes.byteLength
      out.push(info)
    }
    const hasVectors = [...this.files.values()].some((e) => e.info.format === 'vectors')
    for (const info of out) if (hasVectors && info.format === 'tsv' && /meta/i.test(info.name)) info.format = 'vectors-meta'
    return out
  }

  /** Inspects a staged file again with another encoding. @throws AppError BAD_REQUEST if unknown */
  async restage(fileId: string, encoding: string): Promise<StagedFile> {
    const e = this.get(fileId)
    const next = await inspectFile(e.name, e.bytes, encoding)
    e.info = { fileId, ...next, format: e.info.format === 'vectors-meta' ? 'vectors-meta' : next.format }
    return e.info
  }

  /** @throws AppError BAD_REQUEST if the file is not staged (anymore) */
  get(fileId: string): StagedEntry {
    const e = this.files.get(fileId)
    if (!e) throw new AppError('BAD_REQUEST', 'That file is no longer staged (the app was restarted or the import finished). Add it again.')
    return e
  }

  remove(fileIds: string[]): void {
    for (const id of fileIds) {
      const e = this.files.get(id)
      if (!e) continue
      this.total -= e.bytes.byteLength
      this.files.delete(id)
    }
  }
}
