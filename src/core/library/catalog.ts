/**
 * The list of libraries: `<userData>/libraries/catalog.json`, written atomically (a crash leaves
 * the old or the new list). The chunks and documents themselves live in LanceDB (see store.ts).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../settings/settings'

const recordSchema = z.object({
  id: z.string(),
  name: z.string(),
  modelId: z.string(),
  dim: z.number().int().nonnegative(),
  createdAt: z.number(),
  updatedAt: z.number(),
  sample: z.boolean(),
  /** Chunk tables are versioned: a re-embed writes generation g+1, then switches (see store.ts). */
  generation: z.number().int().nonnegative()
})

/** One library as the catalog stores it. */
export type LibraryRecord = z.infer<typeof recordSchema>

const fileSchema = z.object({ version: z.literal(1), libraries: z.array(recordSchema) })

/** Reads and updates catalog.json; updates are serialised so concurrent edits never lose one. */
export class Catalog {
  private readonly path: string
  private chain: Promise<unknown> = Promise.resolve()

  constructor(dir: string) {
    this.path = join(dir, 'catalog.json')
  }

  /** Every library, oldest first. A corrupt file is kept as `.bad` and read as empty. */
  async all(): Promise<LibraryRecord[]> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch {
      return []
    }
    try {
      return fileSchema.parse(JSON.parse(text)).libraries
    } catch {
      await writeFileAtomic(`${this.path}.bad`, text).catch(() => undefined)
      return []
    }
  }

  /** Applies `change` to the list and writes it; returns what `change` returned. */
  update<T>(change: (libraries: LibraryRecord[]) => T): Promise<T> {
    const next = this.chain.then(async () => {
      const libraries = await this.all()
      const result = change(libraries)
      await writeFileAtomic(this.path, JSON.stringify({ version: 1, libraries }, null, 2))
      return result
    })
    this.chain = next.catch(() => undefined)
    return next
  }
}
