/** Starts the model host with Electron's utilityProcess (a Node process Electron manages). */
import { utilityProcess } from 'electron'
import type { SpawnHost } from '../core/host/process'
import type { ChildMessage } from '../shared/host-protocol'

export function electronSpawner(entry: string): SpawnHost {
  return (env) => {
    const child = utilityProcess.fork(entry, [], { env: { ...process.env, ...env }, serviceName: 'LLM Explorer model host', stdio: 'inherit' })
    let exited = false
    child.once('exit', () => {
      exited = true
    })
    return {
      get pid() {
        return child.pid
      },
      send: (m) => {
        if (!exited) child.postMessage(m)
      },
      onMessage: (l) => child.on('message', (m) => l(m as ChildMessage)),
      onExit: (l) => child.once('exit', (code) => l(code, null)),
      kill: () => {
        child.kill()
      }
    }
  }
}
