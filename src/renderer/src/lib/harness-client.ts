/**
 * The browser transport: the contract's {@link Api} over the harness WebSocket
 * (src/harness/server.ts). Messages use the binary codec of shared/wire.ts.
 */
import { AppError, fromWireError, type WireError } from '@shared/errors'
import { buildApi, type Api, type EventName } from '@shared/ipc'
import { decodeMessage, encodeMessage } from '@shared/wire'

type ServerMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number | null; ok: false; error: WireError }
  | { event: EventName; payload: unknown }

/**
 * Connects to the harness that served this page, using the token from the page URL.
 * @throws AppError FORBIDDEN if the URL carries no token; HOST_UNAVAILABLE if the socket closes.
 */
export async function connectHarness(location: Location): Promise<Api> {
  const token = new URLSearchParams(location.search).get('token')
  if (!token) throw new AppError('FORBIDDEN', 'This page needs the token printed by `npm run web`. Open the exact URL it printed.')
  const ws = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`)
  ws.binaryType = 'arraybuffer'
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  const listeners = new Map<EventName, Set<(p: unknown) => void>>()
  let nextId = 1
  let closed: AppError | null = null

  ws.addEventListener('message', (e) => {
    const msg = decodeMessage(new Uint8Array(e.data as ArrayBuffer)) as ServerMessage
    if ('event' in msg) {
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload)
      return
    }
    const p = msg.id === null ? undefined : pending.get(msg.id)
    if (!p || msg.id === null) return
    pending.delete(msg.id)
    if (msg.ok) p.resolve(msg.result)
    else p.reject(fromWireError(msg.error))
  })
  ws.addEventListener('close', () => {
    closed = new AppError('HOST_UNAVAILABLE', 'The connection to the LLM Explorer server was lost. Restart `npm run web` and reload the page.')
    for (const p of pending.values()) p.reject(closed)
    pending.clear()
  })
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true })
    ws.addEventListener('error', () => reject(new AppError('FORBIDDEN', 'The server refused the connection: the token is wrong or the server has stopped.')), { once: true })
  })

  return buildApi(
    (channel, request) => {
      if (closed) return Promise.reject(closed)
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        ws.send(encodeMessage({ id, channel, request }))
      })
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  )
}
