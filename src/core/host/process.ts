/**
 * A handle on a started model host process, independent of how it was started
 * (Electron utilityProcess in src/main, Node child_process here).
 */
import { fork } from 'node:child_process'
import type { ChildMessage, HostEnv, ParentMessage } from '../../shared/host-protocol'

export interface HostProcess {
  readonly pid: number | undefined
  send(message: ParentMessage): void
  onMessage(listener: (message: ChildMessage) => void): void
  /** Called once when the process has exited, for whatever reason. */
  onExit(listener: (code: number | null, signal: string | null) => void): void
  kill(): void
}

/** Starts one host process with the given environment. */
export type SpawnHost = (env: HostEnv) => HostProcess

/**
 * Node spawner: `child_process.fork` with structured-clone serialisation (typed arrays pass as
 * binary). A `.ts` entry is run through tsx (tests and the harness run from source).
 * @param entry absolute path of src/worker/main.ts or its built .js
 */
export function nodeSpawner(entry: string): SpawnHost {
  return (env) => {
    const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : []
    const child = fork(entry, [], {
      serialization: 'advanced',
      env: { ...process.env, ...env },
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    return {
      get pid() {
        return child.pid
      },
      send: (m) => {
        if (child.connected) child.send(m)
      },
      onMessage: (l) => child.on('message', (m) => l(m as ChildMessage)),
      onExit: (l) => child.once('exit', (code, signal) => l(code, signal)),
      kill: () => {
        child.kill('SIGKILL')
      }
    }
  }
}
