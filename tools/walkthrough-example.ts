/**
 * Writes resources/walkthrough/example-<model>.json: what the walkthrough's first scene (tokenise)
 * shows before the model host is ready, produced by the real tokenizers through the same host op
 * the app uses. Regenerate whenever a teaching model changes:
 *   npx tsx tools/walkthrough-example.ts [MODELS_DIR]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { walkthroughOps } from '../src/worker/ops/walkthrough'
import { configureTransformers } from '../src/worker/transformers-env'

const root = resolve(import.meta.dirname, '..')
const modelsDir = resolve(process.argv[2] ?? join(root, 'resources/models'))
const EXAMPLES = [
  { modelId: 'teaching-translator', kind: 'encoder-decoder', text: 'She is in a restaurant' },
  { modelId: 'toy-base', kind: 'decoder-only', text: 'Klaloux lives in' }
] as const

const cache = mkdtempSync(join(tmpdir(), 'llmx-example-'))
process.env.LLMX_MODELS_DIR = modelsDir
configureTransformers(modelsDir, cache)
const ctx = { signal: new AbortController().signal, progress: () => undefined }
try {
  for (const ex of EXAMPLES) {
    const tokens = await walkthroughOps.teachingTokenize({ modelId: ex.modelId, text: ex.text }, ctx)
    const out = { generatedBy: 'tools/walkthrough-example.ts', ...ex, ...tokens }
    const file = join(root, 'resources/walkthrough', `example-${ex.modelId}.json`)
    writeFileSync(file, JSON.stringify(out, null, 1) + '\n')
    console.log(`${file}: ${tokens.ids.length} tokens`)
  }
} finally {
  rmSync(cache, { recursive: true, force: true })
}
