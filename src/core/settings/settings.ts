/** User settings in `<userData>/settings.json`, written atomically (temp file + rename). */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { settingsSchema } from '../../shared/ipc'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/types'

/**
 * Writes `data` to `path` so that a crash leaves either the old or the new file, never half of one.
 * @throws the fs error if the folder is not writable
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`
  await writeFile(tmp, data, 'utf8')
  await rename(tmp, path)
}

/**
 * Reads a JSON file and validates it with `parse`. A missing file gives `fallback()`; a corrupt or
 * invalid one is kept as `<path>.bad` (so nothing is silently lost) and also gives `fallback()`.
 */
export async function readJsonFile<T>(path: string, parse: (value: unknown) => T, fallback: () => T): Promise<T> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return fallback()
  }
  try {
    return parse(JSON.parse(text))
  } catch {
    await rename(path, `${path}.bad`).catch(() => undefined)
    return fallback()
  }
}

export class SettingsStore {
  private readonly path: string

  constructor(userDataDir: string) {
    this.path = join(userDataDir, 'settings.json')
  }

  /** Reads settings; a missing or corrupt file gives the defaults (a corrupt one is kept as .bad). */
  get(): Promise<Settings> {
    return readJsonFile(this.path, (v) => settingsSchema.parse({ ...DEFAULT_SETTINGS, ...(v as object) }), () => ({ ...DEFAULT_SETTINGS }))
  }

  /** Merges `patch` into the stored settings and returns the result. */
  async set(patch: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.get()), ...patch })
    await writeFileAtomic(this.path, JSON.stringify(next, null, 2))
    return next
  }
}
