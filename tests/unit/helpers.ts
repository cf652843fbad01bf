/** Shared helpers for unit tests: repo paths, temp folders, a model host on the real worker. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ModelHost } from '../../src/core/host/host'
import { nodeSpawner } from '../../src/core/host/process'

export const ROOT = resolve(__dirname, '../..')
export const WORKER_ENTRY = join(ROOT, 'src/worker/main.ts')

/** A fresh temp folder; call the returned cleanup in afterEach/afterAll. */
export function tempDir(prefix = 'llmx-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A ModelHost running the real src/worker/main.ts under Node. */
export function realHost(userDataDir: string, modelsDir = join(ROOT, 'resources/models')): ModelHost {
  return new ModelHost({
    spawn: nodeSpawner(WORKER_ENTRY),
    env: { LLMX_MODELS_DIR: modelsDir, LLMX_CACHE_DIR: join(userDataDir, 'cache') },
    restartDelayMs: 50
  })
}

/** Resolves when `predicate()` is true, polling every 20 ms; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('until: timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Logits as a small model's: a wide range ([-25, 15)) in quarter steps, so that ties occur. [vocab] */
export function randomLogits(vocab: number, random: () => number): Float32Array {
  return Float32Array.from({ length: vocab }, () => Math.round((random() * 40 - 25) * 4) / 4)
}
