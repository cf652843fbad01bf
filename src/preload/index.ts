/**
 * Preload (sandboxed, context-isolated): exposes `window.api`, one named function per contract
 * operation plus `on(event, listener)`. The renderer never gets ipcRenderer or a generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { encodeErrorForBridge, type WireError } from '../shared/errors'
import { buildApi } from '../shared/ipc'

type Reply = { ok: true; result: unknown } | { ok: false; error: WireError }

const api = buildApi(
  async (channel, request) => {
    const reply = (await ipcRenderer.invoke(channel, request)) as Reply
    if (reply.ok) return reply.result
    // contextBridge copies only an Error's message, so the code travels inside it.
    throw new Error(encodeErrorForBridge(reply.error))
  },
  (event, listener) => {
    const wrapped = (_e: unknown, payload: unknown): void => listener(payload)
    ipcRenderer.on(`event:${event}`, wrapped)
    return () => {
      ipcRenderer.removeListener(`event:${event}`, wrapped)
    }
  }
)

contextBridge.exposeInMainWorld('api', api)
