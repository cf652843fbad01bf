/** A CoreContext for library tests: real model host on the tiny fixture models, temp user data. */
import { join, resolve } from 'node:path'
import type { CoreContext } from '../../../src/core/context'
import { EventBus } from '../../../src/core/events'
import { ModelHost } from '../../../src/core/host/host'
import { nodeSpawner } from '../../../src/core/host/process'
import { JobRegistry } from '../../../src/core/jobs/jobs'
import { SettingsStore } from '../../../src/core/settings/settings'
import type { JobInfo } from '../../../src/shared/types'

// Not ../helpers: this file also runs outside vitest (crash-child.ts), as an ES module.
export const ROOT = resolve(import.meta.dirname, '../../..')
const WORKER_ENTRY = join(ROOT, 'src/worker/main.ts')

export const FIXTURE_MODELS = join(ROOT, 'tests/fixtures/models')
/** A random-weight BERT: real tokenizer and ONNX graph, meaningless vectors (dim 32). */
export const TINY = 'tiny-bert'

export function libraryContext(userDataDir: string): CoreContext {
  const bus = new EventBus()
  return {
    options: { userDataDir, resourcesDir: join(ROOT, 'resources'), transport: 'harness', version: 'test', spawnHost: nodeSpawner(WORKER_ENTRY) },
    modelsDir: FIXTURE_MODELS,
    lessonsDir: '',
    corporaDir: join(ROOT, 'resources/corpora'),
    bus,
    jobs: new JobRegistry(bus, 0),
    host: new ModelHost({ spawn: nodeSpawner(WORKER_ENTRY), env: { LLMX_MODELS_DIR: FIXTURE_MODELS, LLMX_CACHE_DIR: join(userDataDir, 'cache') }, restartDelayMs: 50 }),
    settings: new SettingsStore(userDataDir)
  }
}

/** Resolves with the job's final snapshot. */
export function jobEnd(ctx: CoreContext, id: string, timeoutMs = 60_000): Promise<JobInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`job ${id} did not end`)), timeoutMs)
    const check = (): boolean => {
      const j = ctx.jobs.list().find((x) => x.id === id)
      if (j && j.state !== 'running') {
        clearTimeout(timer)
        off()
        resolve(j)
        return true
      }
      return false
    }
    const off = ctx.bus.subscribe((e) => {
      if (e === 'job:update') check()
    })
    check()
  })
}

const enc = new TextEncoder()
export const utf8 = (s: string): Uint8Array => enc.encode(s)

/** English and Chinese sentences of the synthetic kind the tiny tokenizer knows. */
export function prose(n: number): string {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(i % 7 === 6 ? '\n\n' : '', `The student reads sentence number ${i} about tokens and vectors. `, i % 3 === 0 ? `第${i}句话讲嵌入。` : '')
  return out.join('')
}
