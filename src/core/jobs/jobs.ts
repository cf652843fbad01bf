/**
 * Registry of long-running jobs. Each job has progress, can be cancelled, and is announced on the
 * event bus as `job:update` whenever it changes (throttled to one update per `throttleMs`).
 */
import { randomUUID } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { JobInfo } from '../../shared/types'
import type { EventBus } from '../events'

export interface JobControl {
  signal: AbortSignal
  progress(stage: string, done: number, total: number): void
}

export class JobRegistry {
  private readonly jobs = new Map<string, { info: JobInfo; controller: AbortController; lastEmit: number }>()

  constructor(
    private readonly bus: EventBus,
    private readonly throttleMs = 100
  ) {}

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }))
  }

  /** Requests cancellation; returns false if no running job has this id. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id)
    if (!job || job.info.state !== 'running') return false
    job.controller.abort(new AppError('CANCELLED', 'Cancelled by the user'))
    return true
  }

  /**
   * Starts `work` as a job and returns its first snapshot at once; the work runs on.
   * Finished jobs stay listed (state done/failed/cancelled) so the UI can show the outcome.
   */
  start(kind: string, work: (control: JobControl) => Promise<void>): JobInfo {
    const controller = new AbortController()
    const info: JobInfo = { id: randomUUID(), kind, state: 'running', done: 0, total: 0, stage: 'start', startedAt: Date.now(), error: null }
    const entry = { info, controller, lastEmit: 0 }
    this.jobs.set(info.id, entry)
    this.emit(entry, true)
    const control: JobControl = {
      signal: controller.signal,
      progress: (stage, done, total) => {
        Object.assign(info, { stage, done, total })
        this.emit(entry, done === total)
      }
    }
    work(control).then(
      () => this.finish(entry, 'done', null),
      (err: unknown) => {
        const cancelled = controller.signal.aborted || (err instanceof AppError && err.code === 'CANCELLED')
        this.finish(entry, cancelled ? 'cancelled' : 'failed', cancelled ? null : err instanceof Error ? err.message : String(err))
      }
    )
    return { ...info }
  }

  private finish(entry: { info: JobInfo; lastEmit: number }, state: JobInfo['state'], error: string | null): void {
    entry.info.state = state
    entry.info.error = error
    this.emit(entry, true)
  }

  private emit(entry: { info: JobInfo; lastEmit: number }, force: boolean): void {
    const now = Date.now()
    if (!force && now - entry.lastEmit < this.throttleMs) return
    entry.lastEmit = now
    this.bus.emit('job:update', { ...entry.info })
  }
}
