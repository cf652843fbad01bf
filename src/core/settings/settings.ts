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

export class SettingsStore {
  private readonly path: string

  constructor(userDataDir: string) {
    this.path = join(userDataDir, 'settings.json')
  }

  /** Reads settings; a missing or corrupt file gives the defaults (a corrupt one is kept as .bad). */
  async get(): Promise<Settings> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch {
      return { ...DEFAULT_SETTINGS }
    }
    try {
      return settingsSchema.parse({ ...DEFAULT_SETTINGS, ...(JSON.parse(text) as object) })
    } catch {
      await rename(this.path, `${this.path}.bad`).catch(() => undefined)
      return { ...DEFAULT_SETTINGS }
    }
  }

  /** Merges `patch` into the stored settings and returns the result. */
  async set(patch: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.get()), ...patch })
    await writeFileAtomic(this.path, JSON.stringify(next, null, 2))
    return next
  }
}
