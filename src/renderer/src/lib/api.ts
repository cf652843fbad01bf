/**
 * The renderer's only way to reach the Node side. At start it picks the transport: the preload's
 * `window.api` in Electron, else the harness WebSocket. Nothing else in the renderer knows which.
 */
import type { Api } from '@shared/ipc'
import { connectHarness } from './harness-client'

declare global {
  interface Window {
    api?: Api
  }
}

let current: Api | null = null

/** Connects once; later calls return the same Api. */
export async function initApi(): Promise<Api> {
  current ??= window.api ?? (await connectHarness(window.location))
  return current
}

/** The connected Api. @throws Error if {@link initApi} has not completed. */
export function api(): Api {
  if (!current) throw new Error('api() called before initApi() finished')
  return current
}

/** For tests: install a fake or reset. */
export function setApiForTests(value: Api | null): void {
  current = value
}
