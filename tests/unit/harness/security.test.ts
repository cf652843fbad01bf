import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type Harness, startHarness } from '../../../src/harness/server'
import { decodeMessage, encodeMessage } from '../../../src/shared/wire'
import { ROOT, WORKER_ENTRY, tempDir } from '../helpers'

/** Tries a WebSocket upgrade; resolves with the HTTP status of a refusal, or 101 when accepted. */
function tryConnect(url: string, headers: Record<string, string>): Promise<{ status: number; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers })
    ws.on('open', () => resolve({ status: 101, ws }))
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }))
    ws.on('error', () => resolve({ status: -1 }))
  })
}

describe('harness security', () => {
  const tmp = tempDir()
  let h: Harness
  let port: string
  beforeAll(async () => {
    h = await startHarness({ userDataDir: tmp.dir, resourcesDir: join(ROOT, 'resources'), webDir: join(ROOT, 'dist-web'), workerEntry: WORKER_ENTRY, port: 0 })
    port = new URL(h.origin).port
  })
  afterAll(async () => {
    await h.close()
    tmp.cleanup()
  })

  it('listens on loopback only and prints a URL with a long random token', () => {
    expect(h.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(h.token).toMatch(/^[0-9a-f]{48}$/)
    expect(h.url).toBe(`${h.origin}/?token=${h.token}`)
  })

  it('refuses a WebSocket without the token, or with a wrong one', async () => {
    expect((await tryConnect(`ws://127.0.0.1:${port}/ws`, { Origin: h.origin })).status).toBe(403)
    expect((await tryConnect(`ws://127.0.0.1:${port}/ws?token=${'0'.repeat(48)}`, { Origin: h.origin })).status).toBe(403)
  })

  it('refuses a WebSocket from another Origin, even with the token', async () => {
    const url = `ws://127.0.0.1:${port}/ws?token=${h.token}`
    expect((await tryConnect(url, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await tryConnect(url, { Origin: `http://127.0.0.1:${Number(port) + 1}` })).status).toBe(403)
    expect((await tryConnect(url, {})).status).toBe(403)
  })

  it('refuses HTTP requests with a foreign Host header (DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port, path: '/', headers: { Host: `attacker.example:${port}` } }, (r) => resolve(r.statusCode ?? 0))
        req.end()
      })
    })
    expect(res).toBe(421)
  })

  it('accepts its own page and answers the contract over binary frames', async () => {
    const { status, ws } = await tryConnect(`ws://127.0.0.1:${port}/ws?token=${h.token}`, { Origin: h.origin })
    expect(status).toBe(101)
    const reply = await new Promise<unknown>((resolve) => {
      ws!.on('message', (data) => {
        const msg = decodeMessage(new Uint8Array(data as Buffer)) as { id?: number }
        if (msg.id === 1) resolve(msg)
      })
      ws!.send(encodeMessage({ id: 1, channel: 'app:info', request: {} }))
    })
    expect(reply).toMatchObject({ id: 1, ok: true, result: { transport: 'harness', userDataDir: tmp.dir } })
    const bad = await new Promise<unknown>((resolve) => {
      ws!.on('message', (data) => {
        const msg = decodeMessage(new Uint8Array(data as Buffer)) as { id?: number }
        if (msg.id === 2) resolve(msg)
      })
      ws!.send(encodeMessage({ id: 2, channel: 'host:ping', request: { delayMs: 'soon' } }))
    })
    expect(bad).toMatchObject({ id: 2, ok: false, error: { code: 'BAD_REQUEST' } })
    ws!.close()
  })
})
