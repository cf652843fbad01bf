/**
 * Binds every contract channel to its core handler with one generic `handle()`, which validates
 * the request (core/dispatch) and checks that the sender is our own window's top frame.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { dispatch } from '../core/dispatch'
import type { Services } from '../core/services'
import { AppError, toWireError } from '../shared/errors'
import { CHANNELS, type Channel } from '../shared/ipc'

/** True if the IPC came from the main frame of a page we loaded (file:// or the dev server). */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (!frame || frame !== event.sender.mainFrame) return false
  const url = new URL(frame.url)
  const dev = process.env.ELECTRON_RENDERER_URL
  return url.protocol === 'file:' || (dev !== undefined && url.origin === new URL(dev).origin)
}

function handle(channel: Channel, services: Services): void {
  ipcMain.handle(channel, async (event, request: unknown) => {
    if (!trustedSender(event)) return { ok: false, error: new AppError('FORBIDDEN', 'Untrusted sender').toWire() }
    try {
      return { ok: true, result: await dispatch(services.handlers, channel, request) }
    } catch (err) {
      return { ok: false, error: toWireError(err) }
    }
  })
}

/** Registers all channels and forwards core events to every window. */
export function bindContract(services: Services): void {
  for (const channel of CHANNELS) handle(channel, services)
  services.bus.subscribe((event, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(`event:${event}`, payload)
  })
}
