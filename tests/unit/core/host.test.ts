import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModelHost } from '../../../src/core/host/host'
import { realHost, tempDir, until } from '../helpers'

describe('model host (real worker process)', () => {
  const tmp = tempDir()
  let host: ModelHost
  beforeAll(async () => {
    host = realHost(tmp.dir)
    await host.start()
  })
  afterAll(() => {
    host.stop()
    tmp.cleanup()
  })

  it('answers a request from another process', async () => {
    const r = await host.request('ping', { echo: 'hi', delayMs: 0 })
    expect(r.echo).toBe('hi')
    expect(r.pid).not.toBe(process.pid)
    expect(host.status()).toMatchObject({ state: 'ready', pid: r.pid })
  })

  it('configures transformers.js for local files only, with its own cache folder', async () => {
    const env = await host.request('env', {})
    expect(env.allowRemoteModels).toBe(false)
    expect(env.useFSCache).toBe(false)
    expect(env.cacheDir).toBe(`${tmp.dir}/cache`)
    expect(env.cacheDir).not.toMatch(/node_modules/)
    expect(env.localModelPath).toMatch(/resources\/models\/$/)
  })

  it('relays progress and honours cancel', async () => {
    const seen: number[] = []
    const controller = new AbortController()
    const p = host.request('selfTest', { steps: 50, stepMs: 20 }, {
      signal: controller.signal,
      onProgress: (pr) => {
        seen.push(pr.done)
        if (pr.done === 3) controller.abort()
      }
    })
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(seen.slice(0, 4)).toEqual([0, 1, 2, 3])
    expect(Math.max(...seen)).toBeLessThan(50)
  })

  it('fails the request in flight with HOST_CRASHED when the host is killed, then restarts', async () => {
    const before = (await host.request('ping', { echo: 'a', delayMs: 0 })).pid
    const inFlight = host.request('ping', { echo: 'slow', delayMs: 5000 })
    await new Promise((r) => setTimeout(r, 100))
    process.kill(before, 'SIGKILL')
    await expect(inFlight).rejects.toMatchObject({ code: 'HOST_CRASHED' })
    await until(() => host.status().state === 'ready')
    const after = await host.request('ping', { echo: 'again', delayMs: 0 })
    expect(after.echo).toBe('again')
    expect(after.pid).not.toBe(before)
    expect(host.status().restarts).toBe(1)
  })

  it('counts a restart started by a request that came before the restart timer', async () => {
    const before = (await host.request('ping', { echo: 'a', delayMs: 0 })).pid
    const restarts = host.status().restarts
    const crashed = new Promise<void>((resolve) => {
      const off = host.onStatus((s) => s.state === 'crashed' && (off(), resolve()))
    })
    process.kill(before, 'SIGKILL')
    await crashed
    // at once, well inside the 200 ms the host waits before restarting by itself
    const after = await host.request('ping', { echo: 'b', delayMs: 0 })
    expect(after.pid).not.toBe(before)
    expect(host.status()).toMatchObject({ state: 'ready', restarts: restarts + 1 })
    await new Promise((r) => setTimeout(r, 400))
    expect(host.status()).toMatchObject({ pid: after.pid, restarts: restarts + 1 })
  })

  it('reports an unknown op as BAD_REQUEST without dying', async () => {
    await expect(host.request('nope' as 'ping', { echo: '', delayMs: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect((await host.request('ping', { echo: 'still', delayMs: 0 })).echo).toBe('still')
  })
})
