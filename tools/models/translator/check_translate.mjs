// Checks the exported teaching translator through transformers.js (the app's loader), offline.
// Usage: node tools/models/translator/check_translate.mjs MODELS_DIR [CASES.json]
// CASES.json: [{ en, want, torch }] from build.py. Prints one JSON summary line last.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..')
const entry = path.join(root, 'node_modules/@huggingface/transformers/dist/transformers.node.mjs')
const { pipeline, env } = await import(pathToFileURL(entry).href)
env.allowRemoteModels = false
env.localModelPath = process.argv[2] ?? path.join(root, 'resources/models')
env.useFSCache = false

const t0 = Date.now()
const translate = await pipeline('translation', 'teaching-translator')
const loadMs = Date.now() - t0
const [anchor] = await translate('She is in a restaurant')
console.log('She is in a restaurant ->', anchor.translation_text)
const summary = { load_ms: loadMs, anchor: anchor.translation_text, anchor_ok: anchor.translation_text === 'Elle est dans un restaurant .' }
if (process.argv[3]) {
  const cases = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'))
  let same = 0
  let correct = 0
  const t1 = Date.now()
  for (const c of cases) {
    const [r] = await translate(c.en)
    if (r.translation_text === c.torch) same++
    if (r.translation_text === c.want) correct++
    else console.log('DIFF', c.en, '|', r.translation_text, '|', c.want)
  }
  Object.assign(summary, { cases: cases.length, same_as_pytorch: same, correct, ms_per_sentence: Math.round((Date.now() - t1) / cases.length) })
}
console.log(JSON.stringify(summary))
