/** The zh-CN vs English token-cost comparison on resources/corpora/parallel/zh-en.json. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { CompareResult } from '../../shared/contract/tokenizer'
import { AppError } from '../../shared/errors'
import type { TokenizerId } from '../../shared/host-ops/tokenizer'
import type { CoreContext } from '../context'

const corpusSchema = z.object({ pairs: z.array(z.object({ en: z.string().min(1), zh: z.string().min(1) })).min(1) })

/** Reads the parallel corpus. @throws AppError INTERNAL if the bundled file is missing or malformed. */
export async function readParallel(corporaDir: string): Promise<CompareResult['pairs']> {
  const file = join(corporaDir, 'parallel', 'zh-en.json')
  try {
    return corpusSchema.parse(JSON.parse(await readFile(file, 'utf8'))).pairs
  } catch (err) {
    throw new AppError('INTERNAL', `The parallel sentences (${file}) could not be read: ${err instanceof Error ? err.message : String(err)}. Reinstall the app.`)
  }
}

/** Counts every sentence's tokens with every tokenizer (one model host request). */
export async function compareLanguages(ctx: CoreContext, tokenizers: TokenizerId[]): Promise<CompareResult> {
  const pairs = await readParallel(ctx.corporaDir)
  const texts = [...pairs.map((p) => p.en), ...pairs.map((p) => p.zh)]
  const { counts, sources } = await ctx.host.request('countTokens', { texts, tokenizers })
  const n = pairs.length
  const tokens = {} as CompareResult['tokens']
  for (const id of tokenizers) {
    const c = counts[id]
    if (c) tokens[id] = { en: c.slice(0, n), zh: c.slice(n) }
  }
  const chars = (s: string): number => Array.from(s).length
  return { pairs, chars: { en: pairs.map((p) => chars(p.en)), zh: pairs.map((p) => chars(p.zh)) }, tokens, sources }
}
