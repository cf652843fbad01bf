/** Embedding models a library can use: bundled model folders whose model-card.json says feature-extraction. */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EmbeddingModelInfo } from '../../shared/contract/library'

/** The model new libraries use when the user does not pick one. */
export const PREFERRED_MODEL = 'multilingual-e5-small-zh-en'

interface Card {
  task?: string
  dim?: number
  languages?: string[]
  maxTokens?: number
}

/** Lists embedding models in `modelsDir` (unreadable cards are skipped). */
export async function listEmbeddingModels(modelsDir: string): Promise<EmbeddingModelInfo[]> {
  let names: string[]
  try {
    names = await readdir(modelsDir)
  } catch {
    return []
  }
  const out: EmbeddingModelInfo[] = []
  for (const id of names.sort()) {
    try {
      const card = JSON.parse(await readFile(join(modelsDir, id, 'model-card.json'), 'utf8')) as Card
      if (card.task === 'feature-extraction') out.push({ id, dim: card.dim ?? 0, languages: card.languages ?? [], maxTokens: card.maxTokens ?? 512 })
    } catch {
      // not a model folder, or no card
    }
  }
  return out.sort((a, b) => Number(b.id === PREFERRED_MODEL) - Number(a.id === PREFERRED_MODEL))
}

/** The preferred embedding model if installed, else the first one, else null. */
export async function defaultEmbeddingModel(modelsDir: string): Promise<string | null> {
  return (await listEmbeddingModels(modelsDir))[0]?.id ?? null
}
