/**
 * Import throughput: the whole import path (stage → parse → chunk with token counts → embed in the
 * model host in batches → commit each batch to LanceDB) against a bare onnxruntime-node loop over
 * the same chunk texts with the same batch size (tokenize, run, pool, normalise; nothing else).
 * Both after the model is loaded. Reported as chunks/s of each and their ratio (target ≥ 0.9).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { AutoTokenizer, env } from '@huggingface/transformers'
import * as ort from 'onnxruntime-node'
import type { CoreContext } from '../src/core/context'
import { EventBus } from '../src/core/events'
import { ModelHost } from '../src/core/host/host'
import { nodeSpawner } from '../src/core/host/process'
import { JobRegistry } from '../src/core/jobs/jobs'
import { HOST_BATCH } from '../src/core/library/embedder'
import { defaultEmbeddingModel } from '../src/core/library/models'
import { LibraryService } from '../src/core/library/service'
import { SettingsStore } from '../src/core/settings/settings'
import { DEFAULT_CHUNKING } from '../src/shared/contract/library'

const ROOT = resolve(import.meta.dirname, '..')
const MODELS = join(ROOT, 'resources/models')

/** The sample passages, numbered so none is a duplicate: `copies` × 72 chunks. */
function passages(copies: number): string[] {
  const dir = join(ROOT, 'resources/corpora/sample-library')
  const base = ['en.md', 'zh-CN.md'].flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean))
  return Array.from({ length: copies }, (_, c) => base.map((p) => `${p} (${c + 1})`)).flat()
}

/** Bare loop: tokenizer + ONNX session + pooling as the model card says, batch by batch. */
async function bare(modelId: string, texts: string[]): Promise<number> {
  const card = JSON.parse(readFileSync(join(MODELS, modelId, 'model-card.json'), 'utf8')) as { pooling?: string; prefixes?: { passage?: string } }
  env.allowRemoteModels = false
  env.localModelPath = `${MODELS}/`
  env.useFSCache = false
  const tok = await AutoTokenizer.from_pretrained(modelId)
  const session = await ort.InferenceSession.create(join(MODELS, modelId, 'onnx/model_quantized.onnx'))
  const prefix = card.prefixes?.passage ?? ''
  const run = async (): Promise<void> => {
    for (let i = 0; i < texts.length; i += HOST_BATCH) {
      const enc = tok(texts.slice(i, i + HOST_BATCH).map((t) => prefix + t), { padding: true, truncation: true })
      const feeds: Record<string, ort.Tensor> = {}
      for (const name of session.inputNames) {
        const t = (enc as Record<string, { data: BigInt64Array; dims: number[] }>)[name]
        if (t) feeds[name] = new ort.Tensor('int64', t.data, t.dims)
      }
      const out = (await session.run(feeds)).last_hidden_state as ort.Tensor
      const [b, l, d] = out.dims as [number, number, number]
      const h = out.data as Float32Array
      const mask = enc.attention_mask.data as BigInt64Array
      for (let r = 0; r < b; r++) {
        const v = new Float32Array(d)
        let n = 0
        for (let p = 0; p < (card.pooling === 'cls' ? 1 : l); p++) {
          if (mask[r * l + p] === 0n) continue
          n++
          for (let k = 0; k < d; k++) v[k]! += h[(r * l + p) * d + k]!
        }
        const norm = Math.hypot(...v.map((x) => x / n)) || 1
        for (let k = 0; k < d; k++) v[k] = v[k]! / n / norm
      }
    }
  }
  await run() // warm-up
  let best = Infinity
  for (let r = 0; r < 2; r++) {
    const t = performance.now()
    await run()
    best = Math.min(best, (performance.now() - t) / 1000)
  }
  return best
}

/**
 * The app's import path on a fresh user-data folder, twice (best of two): seconds from the import
 * call to the job's end, after a preview (as in the UI, whose Import button needs one: the plan and
 * its token counts are then reused) and cold (parse, chunk and count inside the job).
 */
async function viaImport(modelId: string, texts: string[], dir: string): Promise<{ afterPreview: number; cold: number }> {
  const bus = new EventBus()
  const host = new ModelHost({ spawn: nodeSpawner(join(ROOT, 'src/worker/main.ts')), env: { LLMX_MODELS_DIR: MODELS, LLMX_CACHE_DIR: join(dir, 'cache') } })
  const jobs = new JobRegistry(bus)
  const ctx: CoreContext = { options: { userDataDir: dir, resourcesDir: join(ROOT, 'resources'), transport: 'harness', version: 'bench', spawnHost: nodeSpawner('') }, modelsDir: MODELS, lessonsDir: '', corporaDir: '', bus, jobs, host, settings: new SettingsStore(dir) }
  const service = new LibraryService(ctx)
  try {
    // Load the model and its tokenizer first (the bare loop also loads both before timing).
    await host.request('embed', { modelId, texts: texts.slice(0, HOST_BATCH), kind: 'passage' })
    await host.request('tokenCount', { modelId, texts: texts.slice(0, 1) })
    const chunking = { ...DEFAULT_CHUNKING, mode: 'paragraph' as const, size: 512 }
    const once = async (preview: boolean): Promise<number> => {
      const lib = await service.create('bench', modelId)
      const staged = await service.staging.add([{ name: 'bench.txt', bytes: new TextEncoder().encode(texts.join('\n\n')) }])
      const files = [{ fileId: staged[0]!.fileId }]
      if (preview) await service.preview(lib.id, files, chunking)
      const t = performance.now()
      const job = await service.import(lib.id, files, chunking)
      await new Promise<void>((done, fail) =>
        bus.subscribe((e, p) => {
          const j = p as { id: string; state: string; error: string | null }
          if (e !== 'job:update' || j.id !== job.id || j.state === 'running') return
          if (j.state === 'done') done()
          else fail(new Error(j.error ?? j.state))
        })
      )
      const seconds = (performance.now() - t) / 1000
      const stored = await (await service.store()).countChunks(lib.id)
      if (stored !== texts.length) throw new Error(`import stored ${stored} chunks, expected ${texts.length}`)
      return seconds
    }
    const afterPreview = Math.min(await once(true), await once(true))
    return { afterPreview, cold: Math.min(await once(false), await once(false)) }
  } finally {
    host.stop()
  }
}

export async function importBench(): Promise<{ name: string; result: string }> {
  const modelId = await defaultEmbeddingModel(MODELS)
  if (!modelId) return { name: 'import throughput', result: 'skipped: no embedding model in resources/models' }
  const texts = passages(4)
  const dir = mkdtempSync(join(tmpdir(), 'llmx-bench-import-'))
  try {
    const imported = await viaImport(modelId, texts, dir)
    const b = texts.length / (await bare(modelId, texts))
    const a = texts.length / imported.afterPreview
    const c = texts.length / imported.cold
    return {
      name: `import vs bare onnxruntime loop (${modelId}, ${texts.length} chunks, batch ${HOST_BATCH}; chunks/s, best of 2): after preview · cold · bare`,
      result: `${a.toFixed(1)} (${(a / b).toFixed(2)}×) · ${c.toFixed(1)} (${(c / b).toFixed(2)}×) · ${b.toFixed(1)}`
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) console.log(await importBench())
