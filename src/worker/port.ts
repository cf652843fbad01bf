/**
 * The model host's link to its parent, whichever way it was started:
 * Electron's `utilityProcess.fork` gives `process.parentPort`; Node's `child_process.fork`
 * gives `process.send` / `process.on('message')`. No electron import is needed for either.
 */
import type { ChildMessage, ParentMessage } from '../shared/host-protocol'

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

/** A bidirectional message link to the parent process. */
export interface ParentLink {
  send(message: ChildMessage): void
  onMessage(listener: (message: ParentMessage) => void): void
}

/**
 * Connects to the parent.
 * @throws Error if the process was started with neither IPC channel (e.g. run by hand).
 */
export function connectToParent(): ParentLink {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (l) => parentPort.on('message', (e) => l(e.data as ParentMessage))
    }
  }
  if (typeof process.send === 'function') {
    return {
      send: (m) => {
        process.send?.(m)
      },
      onMessage: (l) => process.on('message', (m) => l(m as ParentMessage))
    }
  }
  throw new Error('The model host must be started by the app (utilityProcess or child_process.fork).')
}
