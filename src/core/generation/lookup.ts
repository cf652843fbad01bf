/**
 * The toy world's lookup tool for ReAct runs: its spec comes from the preset that carries one in
 * resources/corpora/toyworld/presets.json (`tool`: stop, action_regex, append, not_found), its data
 * from the fact sheet resources/corpora/toyworld/facts.jsonl ({"id","kind","held_out","text"} rows).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/errors'
import { readPresetsFile, type toolSpecSchema } from './catalog'

const factSchema = z.object({ id: z.string().min(1), kind: z.string(), held_out: z.boolean(), text: z.string().min(1) })

/** The lookup tool, loaded and checked. */
export interface LookupTool {
  /** The text the model writes to hand over to the tool ("\nObservation:"); a stop sequence. */
  stop: string
  /** Matches the model's action; group 1 is the name to look up. */
  action: RegExp
  /** The tool's output for a name that has no row ("No entry."). */
  notFound: string
  /** The text appended after the stop sequence for an output (the spec's `append`: " " + output + "\n"). */
  wrap(output: string): string
  /** The fact-sheet passage whose id is `name` (exact, case-sensitive), or undefined. */
  lookup(name: string): string | undefined
}

/** What running the tool on the model's text gives. */
export interface LookupResult {
  /** The last action's argument in `text`; null if no action matched. */
  argument: string | null
  output: string
  found: boolean
}

/**
 * Runs the tool on the model's latest text (its last action wins, as the model reads it last).
 * No matching action gives the not-found output, as a malformed call would in a real tool loop.
 */
export function runLookup(tool: LookupTool, text: string): LookupResult {
  let argument: string | null = null
  for (const m of text.matchAll(tool.action)) argument = m[1] ?? null
  const passage = argument === null ? undefined : tool.lookup(argument)
  return passage === undefined ? { argument, output: tool.notFound, found: false } : { argument, output: passage, found: true }
}

async function load(corporaDir: string): Promise<LookupTool> {
  const dir = join(corporaDir, 'toyworld')
  const what = (file: string, err: unknown): AppError =>
    new AppError('INTERNAL', `The lookup tool could not read ${join(dir, file)}: ${err instanceof Error ? err.message : String(err)}. Reinstall the app.`)
  let spec: z.infer<typeof toolSpecSchema> | undefined
  try {
    spec = (await readPresetsFile(corporaDir)).presets.find((p) => p.tool)?.tool
  } catch (err) {
    throw what('presets.json', err)
  }
  if (!spec) throw what('presets.json', new Error('no preset has a "tool" spec'))
  let action: RegExp
  try {
    action = new RegExp(spec.action_regex, 'g')
  } catch (err) {
    throw what('presets.json', err)
  }
  // `append` is "<before><placeholder><after>", e.g. " <text of the facts.jsonl row ...>\n"
  const parts = /^([^<]*)<[^>]*>([^<]*)$/s.exec(spec.append)
  if (!parts) throw what('presets.json', new Error(`tool.append "${spec.append}" has no single <placeholder>`))
  const [, before = '', after = ''] = parts
  const facts = new Map<string, string>()
  let lines: string[]
  try {
    lines = (await readFile(join(dir, 'facts.jsonl'), 'utf8')).split('\n')
  } catch (err) {
    throw what('facts.jsonl', err)
  }
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    try {
      const row = factSchema.parse(JSON.parse(line))
      facts.set(row.id, row.text)
    } catch (err) {
      throw what(`facts.jsonl (line ${i + 1})`, err)
    }
  })
  return { stop: spec.stop, action, notFound: spec.not_found, wrap: (output) => before + output + after, lookup: (name) => facts.get(name) }
}

const loaded = new Map<string, Promise<LookupTool>>()

/**
 * The lookup tool of `corporaDir`, read once per process (a failed read is retried next time).
 * @throws AppError INTERNAL if presets.json or facts.jsonl is missing or malformed
 */
export function loadLookupTool(corporaDir: string): Promise<LookupTool> {
  let p = loaded.get(corporaDir)
  if (!p) {
    p = load(corporaDir)
    p.catch(() => loaded.delete(corporaDir))
    loaded.set(corporaDir, p)
  }
  return p
}
