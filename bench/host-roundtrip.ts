/**
 * Model host round trip: a 1.5 MB Float32Array through the real worker process (structured clone),
 * compared with the same payload through the WebSocket wire codec, in one run.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ModelHost } from '../src/core/host/host'
import { nodeSpawner } from '../src/core/host/process'
import { decodeMessage, encodeMessage } from '../src/shared/wire'

const ROOT = resolve(import.meta.dirname, '..')

export async function hostRoundTrip(): Promise<{ name: string; result: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'llmx-bench-'))
  const host = new ModelHost({ spawn: nodeSpawner(join(ROOT, 'src/worker/main.ts')), env: { LLMX_MODELS_DIR: join(ROOT, 'resources/models'), LLMX_CACHE_DIR: dir } })
  await host.start()
  const n = 200
  let t = performance.now()
  for (let i = 0; i < n; i++) await host.request('ping', { echo: 'x', delayMs: 0 })
  const pingMs = (performance.now() - t) / n
  const payload = { v: new Float32Array(384 * 1000) }
  t = performance.now()
  for (let i = 0; i < 50; i++) decodeMessage(encodeMessage(payload))
  const wireMs = (performance.now() - t) / 50
  host.stop()
  return { name: 'host ping (mean ms) · wire codec 1000×384 f32 encode+decode (mean ms)', result: `${pingMs.toFixed(2)} · ${wireMs.toFixed(2)}` }
}
