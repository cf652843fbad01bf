/**
 * ModelHost: owns the model host process, sends it requests, relays progress, restarts it if it
 * dies. A request in flight when the host dies fails with `HOST_CRASHED`; the next one gets a
 * fresh host. See shared/host-protocol.ts for the messages.
 */
import { AppError, fromWireError } from '../../shared/errors'
import type { ChildMessage, HostEnv, HostOp, HostOps } from '../../shared/host-protocol'
import type { HostStatus } from '../../shared/types'
import type { HostProcess, SpawnHost } from './process'

interface Pending {
  resolve(value: unknown): void
  reject(err: Error): void
  onProgress?: (p: { stage: string; done: number; total: number; data?: unknown }) => void
}

export interface ModelHostOptions {
  spawn: SpawnHost
  env: HostEnv
  /** Crashes allowed within `crashWindowMs` before the host stops restarting itself. Default 5. */
  maxCrashes?: number
  /** Default 60 000 ms. */
  crashWindowMs?: number
  /** Delay before a restart, ms. Default 200. */
  restartDelayMs?: number
}

export class ModelHost {
  private proc: HostProcess | null = null
  private ready: Promise<void> | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly listeners = new Set<(s: HostStatus) => void>()
  private crashTimes: number[] = []
  private stopping = false
  private current: HostStatus = { state: 'stopped', pid: null, restarts: 0, lastError: null }

  constructor(private readonly options: ModelHostOptions) {}

  /** The current status snapshot. */
  status(): HostStatus {
    return { ...this.current }
  }

  /** Listen for status changes; returns an unsubscribe function. */
  onStatus(listener: (s: HostStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Starts the host if it is not running; resolves when it has said it is ready. */
  start(): Promise<void> {
    if (this.ready) return this.ready
    this.stopping = false
    // a start after a crash is a restart, whether the restart timer or a new request gets here first
    if (this.current.state === 'crashed') this.current.restarts += 1
    this.setStatus({ state: this.current.restarts > 0 ? 'restarting' : 'starting', pid: null })
    const proc = this.options.spawn(this.options.env)
    this.proc = proc
    this.ready = new Promise<void>((resolve, reject) => {
      proc.onMessage((m) => {
        if ('ready' in m) {
          this.setStatus({ state: 'ready', pid: m.pid, lastError: this.current.lastError })
          resolve()
        } else this.onReply(m)
      })
      proc.onExit((code, signal) => {
        reject(new AppError('HOST_UNAVAILABLE', `The model host exited before it was ready (code ${code}, signal ${signal}).`))
        this.onExit(proc, code, signal)
      })
    })
    this.ready.catch(() => undefined)
    return this.ready
  }

  /**
   * Runs `op` in the host.
   * @throws AppError HOST_CRASHED if the host dies meanwhile, CANCELLED if `signal` aborts,
   *         or whatever the op itself reports.
   */
  async request<O extends HostOp>(
    op: O,
    args: HostOps[O]['args'],
    opts: { onProgress?: Pending['onProgress']; signal?: AbortSignal } = {}
  ): Promise<HostOps[O]['result']> {
    if (this.current.state === 'crashed' && this.ready === null && this.gaveUp()) {
      throw new AppError('HOST_UNAVAILABLE', `The model host keeps crashing (${this.current.lastError}). Restart it from the status bar or restart the app.`)
    }
    await this.start()
    const id = this.nextId++
    const proc = this.proc
    if (!proc) throw new AppError('HOST_UNAVAILABLE', 'The model host is not running.')
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress })
      opts.signal?.addEventListener('abort', () => proc.send({ cancel: id }), { once: true })
      proc.send({ id, op, args })
    })
  }

  /** Kills and starts the host again (user action). Pending requests fail with HOST_CRASHED. */
  async restart(): Promise<HostStatus> {
    this.crashTimes = []
    const proc = this.proc
    if (proc) {
      const exited = new Promise<void>((r) => proc.onExit(() => r()))
      this.stopping = true
      proc.kill()
      await exited
    }
    this.stopping = false
    await this.start()
    return this.status()
  }

  /** Stops the host for good (app quit). */
  stop(): void {
    this.stopping = true
    this.proc?.kill()
  }

  private gaveUp(): boolean {
    return this.crashTimes.length >= (this.options.maxCrashes ?? 5)
  }

  private onReply(m: Exclude<ChildMessage, { ready: true }>): void {
    const p = this.pending.get(m.id)
    if (!p) return
    if ('progress' in m) return p.onProgress?.(m.progress)
    this.pending.delete(m.id)
    if (m.ok) p.resolve(m.result)
    else p.reject(fromWireError(m.error))
  }

  private onExit(proc: HostProcess, code: number | null, signal: string | null): void {
    if (proc !== this.proc) return
    this.proc = null
    this.ready = null
    const why = `exit code ${code ?? 'none'}, signal ${signal ?? 'none'}`
    for (const [id, p] of this.pending) {
      this.pending.delete(id)
      p.reject(new AppError('HOST_CRASHED', `The model host stopped while working on this request (${why}). It is being restarted; try again.`))
    }
    if (this.stopping) {
      this.setStatus({ state: 'stopped', pid: null })
      return
    }
    const now = Date.now()
    const windowMs = this.options.crashWindowMs ?? 60_000
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < windowMs), now]
    this.setStatus({ state: 'crashed', pid: null, lastError: why })
    if (this.gaveUp()) return
    setTimeout(() => {
      if (this.proc || this.stopping) return
      this.start().catch(() => undefined)
    }, this.options.restartDelayMs ?? 200)
  }

  private setStatus(patch: Partial<HostStatus>): void {
    this.current = { ...this.current, ...patch }
    const snapshot = this.status()
    for (const l of this.listeners) l(snapshot)
  }
}
