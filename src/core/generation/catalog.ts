/** Which generation models and prompt presets are bundled. */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { GenModelInfo, GenPreset } from '../../shared/contract/generation'

const cardSchema = z.object({ id: z.string(), task: z.string(), notes: z.string().default(''), languages: z.array(z.string()).default([]) }).passthrough()

/** Models in `modelsDir` whose model-card.json says task "text-generation" and that have onnx/model.onnx. */
export async function listGenModels(modelsDir: string): Promise<GenModelInfo[]> {
  const out: GenModelInfo[] = []
  let names: string[]
  try {
    names = (await readdir(modelsDir)).sort()
  } catch {
    return []
  }
  for (const name of names) {
    try {
      const card = cardSchema.parse(JSON.parse(await readFile(join(modelsDir, name, 'model-card.json'), 'utf8')))
      await readFile(join(modelsDir, name, 'config.json'))
      if (card.task === 'text-generation') out.push({ id: name, notes: card.notes, languages: card.languages })
    } catch {
      // not a generation model folder
    }
  }
  return out
}

/** A preset's tool (ReAct lookup): its stop sequence, the action regex, how the output is appended. */
export const toolSpecSchema = z.object({
  stop: z.string().min(1),
  action_regex: z.string().min(1),
  append: z.string(),
  not_found: z.string().min(1)
})

const presetsSchema = z.object({
  presets: z.array(z.object({
    id: z.string(), models: z.array(z.string()), prompt: z.string(), expected: z.string().optional(), notes: z.string().optional(),
    expected_kind: z.enum(['fact', 'output']).default('fact'), tool: toolSpecSchema.optional(), max_new_tokens: z.number().int().min(1).max(512).optional()
  }).passthrough())
})

/**
 * resources/corpora/toyworld/presets.json, read and checked (the lab's presets and the lookup tool's spec).
 * @throws Error if the file is missing or malformed
 */
export async function readPresetsFile(corporaDir: string): Promise<z.infer<typeof presetsSchema>> {
  return presetsSchema.parse(JSON.parse(await readFile(join(corporaDir, 'toyworld', 'presets.json'), 'utf8')))
}

/**
 * The toy world's prompt presets; none if the file is missing or malformed (the lab still works).
 * A preset with a `tool` spec runs the lookup tool (./lookup.ts).
 */
export async function readPresets(corporaDir: string): Promise<GenPreset[]> {
  try {
    const parsed = await readPresetsFile(corporaDir)
    return parsed.presets.map(({ id, models, prompt, expected, expected_kind, notes, tool, max_new_tokens }) => ({
      id, models, prompt, expected, expectedKind: expected_kind, notes, ...(tool ? { tool: 'lookup' as const } : {}), ...(max_new_tokens ? { maxNewTokens: max_new_tokens } : {})
    }))
  } catch {
    return []
  }
}
