/** Finds the teaching models in the models folder and reads what the walkthrough needs of them. */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type TeachingMeta, type TeachingModelInfo, parseTeachingMeta } from '../../shared/contract/walkthrough'
import { AppError } from '../../shared/errors'

/**
 * Reads `<modelsDir>/<id>/teaching/outputs.json`.
 * @throws AppError MODEL_NOT_FOUND if the model has no teaching graph, MODEL_LOAD_FAILED if malformed
 */
export async function teachingMeta(modelsDir: string, id: string): Promise<TeachingMeta> {
  let text: string
  try {
    text = await readFile(join(modelsDir, id, 'teaching', 'outputs.json'), 'utf8')
  } catch {
    throw new AppError('MODEL_NOT_FOUND', `The teaching model "${id}" is not installed (no ${id}/teaching/outputs.json in the models folder).`)
  }
  return parseTeachingMeta(text)
}

/** The decoder start token of an encoder–decoder model (config.json `decoder_start_token_id`, else 1). */
export async function decoderStartId(modelsDir: string, id: string): Promise<number> {
  try {
    const config = JSON.parse(await readFile(join(modelsDir, id, 'config.json'), 'utf8')) as { decoder_start_token_id?: number }
    return config.decoder_start_token_id ?? 1
  } catch {
    throw new AppError('MODEL_NOT_FOUND', `The model "${id}" has no config.json`)
  }
}

/** Every model folder with a teaching graph: encoder–decoder models first, then by id. */
export async function listTeachingModels(modelsDir: string): Promise<TeachingModelInfo[]> {
  const names = await readdir(modelsDir).catch(() => [] as string[])
  const found: TeachingModelInfo[] = []
  for (const id of names.sort()) {
    const meta = await teachingMeta(modelsDir, id).catch(() => null)
    if (!meta) continue
    found.push({ id, kind: meta.kind, available: true, layers: meta.layers, heads: meta.heads, dModel: meta.dModel, vocabSize: meta.vocabSize })
  }
  return found.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'encoder-decoder' ? -1 : 1))
}
