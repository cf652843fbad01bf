/**
 * The harness: the app's Node services behind a WebSocket, plus the built renderer, on 127.0.0.1.
 * It implements the same contract as Electron main (shared/ipc.ts), so the renderer cannot tell
 * them apart. It is not a hole: loopback only, a random per-run token, own Origin only, own Host only.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { dispatch } from '../core/dispatch'
import { nodeSpawner } from '../core/host/process'
import { createServices, type Services } from '../core/services'
import { toWireError } from '../shared/errors'
import { decodeMessage, encodeMessage } from '../shared/wire'
import { serveStatic } from './static'

export interface HarnessOptions {
  userDataDir: string
  resourcesDir: string
  /** Built renderer folder (dist-web). */
  webDir: string
  /** Model host entry (src/worker/main.ts). */
  workerEntry: string
  /** 0 picks a free port. */
  port?: number
  version?: string
}

export interface Harness {
  /** URL to open, token included. */
  url: string
  origin: string
  token: string
  services: Services
  close(): Promise<void>
}

/** Checks the WebSocket upgrade: right path, right token, own Origin and Host. Returns why not, or null. */
export function rejectUpgrade(req: IncomingMessage, token: string, allowedHosts: string[]): string | null {
  const url = new URL(req.url ?? '/', 'http://local')
  if (url.pathname !== '/ws') return 'wrong path'
  if (url.searchParams.get('token') !== token) return 'missing or wrong token'
  const origin = req.headers.origin
  if (!origin || !allowedHosts.some((h) => origin === `http://${h}`)) return `origin ${origin ?? '(none)'} not allowed`
  if (!allowedHosts.includes(req.headers.host ?? '')) return 'host not allowed'
  return null
}

/** Starts the harness. Resolves once it listens. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = randomBytes(24).toString('hex')
  const services = await createServices({
    userDataDir: options.userDataDir,
    resourcesDir: options.resourcesDir,
    transport: 'harness',
    version: options.version ?? '0.0.0',
    spawnHost: nodeSpawner(options.workerEntry)
  })
  let allowedHosts: string[] = []
  const server = createServer((req, res) => {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      res.writeHead(421).end('Wrong Host header')
      return
    }
    void serveStatic(options.webDir, req, res)
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: 512 * 1024 * 1024 })
  server.on('upgrade', (req, socket, head) => {
    const why = rejectUpgrade(req, token, allowedHosts)
    if (why) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\n${why}`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, services))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    services,
    close: async () => {
      services.dispose()
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((r) => server.close(() => r()))
    }
  }
}

function attach(ws: WebSocket, services: Services): void {
  const send = (msg: unknown): void => {
    if (ws.readyState === ws.OPEN) ws.send(encodeMessage(msg))
  }
  const unsubscribe = services.bus.subscribe((event, payload) => send({ event, payload }))
  ws.on('close', unsubscribe)
  ws.on('message', (data, isBinary) => {
    if (!isBinary) return send({ id: null, ok: false, error: { code: 'BAD_REQUEST', message: 'binary frames only' } })
    let msg: { id: number; channel: unknown; request: unknown }
    try {
      msg = decodeMessage(new Uint8Array(data as Buffer)) as typeof msg
    } catch (err) {
      return send({ id: null, ok: false, error: toWireError(err) })
    }
    dispatch(services.handlers, msg.channel, msg.request).then(
      (result) => send({ id: msg.id, ok: true, result }),
      (err: unknown) => send({ id: msg.id, ok: false, error: toWireError(err) })
    )
  })
}
