/**
 * The sample library: short passages about the course's concepts in English and Chinese
 * (resources/corpora/sample-library/*.md, written by this project), imported on a first start
 * so the embedding space is never empty. Made once per user-data folder (a marker file remembers it,
 * so a user who deleted it does not get it back). Set LLMX_NO_SAMPLE_LIBRARY=1 to skip it (tests).
 */
import { access, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { JobInfo } from '../../shared/types'
import { DEFAULT_CHUNKING } from '../../shared/contract/library'
import type { LibraryService } from './service'

export const SAMPLE_NAME = 'Sample library · 示例文库'

/**
 * Imports the sample passages into a new library if the user has no library yet.
 * @returns the job, or null if there was nothing to do (libraries exist, files or model missing)
 */
export async function ensureSampleLibrary(service: LibraryService, corporaDir: string, userDataDir: string): Promise<JobInfo | null> {
  if (process.env.LLMX_NO_SAMPLE_LIBRARY === '1') return null
  const marker = join(userDataDir, 'libraries', 'sample-made')
  if (await access(marker).then(() => true, () => false)) return null
  if ((await service.list()).length > 0) return null
  const dir = join(corporaDir, 'sample-library')
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && n !== 'README.md').sort()
  } catch {
    return null
  }
  if (names.length === 0) return null
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })))
  // Staged before the library exists, and the library is listed as importing until its job
  // starts, so a window that lists libraries meanwhile never shows it empty and "ready".
  const staged = await service.staging.add(files)
  const lib = await service.create(SAMPLE_NAME, undefined, true, true)
  await writeFile(marker, new Date().toISOString())
  try {
    return await service.import(lib.id, staged.map((s) => ({ fileId: s.fileId })), { ...DEFAULT_CHUNKING, mode: 'paragraph' }, 'library.jobs.sample')
  } catch (e) {
    service.importAborted(lib.id)
    throw e
  }
}
