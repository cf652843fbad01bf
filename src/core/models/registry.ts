/** Reads the bundled models' manifest (resources/models/manifest.json). */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ModelInfo } from '../../shared/types'

const manifestSchema = z.object({
  version: z.literal(1),
  models: z.array(
    z.object({
      id: z.string(),
      task: z.string(),
      licence: z.string(),
      source: z.string(),
      version: z.string(),
      script: z.string(),
      languages: z.array(z.string()).optional(),
      notes: z.string().optional(),
      files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() }))
    }).passthrough()
  )
})

/**
 * Lists the bundled models. A missing manifest means no models are bundled yet (empty list).
 * @throws Error if the manifest exists but is malformed (a broken install should be loud)
 */
export async function listBundledModels(modelsDir: string): Promise<ModelInfo[]> {
  let text: string
  try {
    text = await readFile(join(modelsDir, 'manifest.json'), 'utf8')
  } catch {
    return []
  }
  return manifestSchema.parse(JSON.parse(text)).models as ModelInfo[]
}
