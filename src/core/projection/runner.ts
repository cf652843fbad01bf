/**
 * The parent side of the projection worker: one lazily started worker thread per runner, tasks
 * queued in order, progress relayed, cancel by terminating the thread (maths loops are
 * synchronous; a fresh thread starts for the next task). From source (tests, harness) the `.ts`
 * entry runs through tsx; in the Electron build it is the bundled `projection-worker.js` next to
 * main's index.js.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError, fromWireError } from '../../shared/errors'
import type { ProjectionTasks, TaskName, TaskReply } from './protocol'

/**
 * Starts the worker thread: the built `projection-worker.js` beside main's bundle, else the .ts
 * source beside this file through tsx's loader (registered inside the thread: `--import tsx`
 * in a worker's execArgv is not honoured by Node 20).
 */
export function startWorker(): Worker {
  // Bundled main code may sit in out/main/ or in a chunk folder below it.
  for (const rel of ['./projection-worker.js', '../projection-worker.js']) {
    const built = fileURLToPath(new URL(rel, import.meta.url))
    if (existsSync(built)) return new Worker(built)
  }
  const source = pathToFileURL(fileURLToPath(new URL('./worker.ts', import.meta.url))).href
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}) })`, { eval: true })
}

interface Pending {
  resolve(v: unknown): void
  reject(e: Error): void
  onProgress?: (stage: string, done: number, total: number) => void
}

export class ProjectionRunner {
  private worker: Worker | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private queue: Promise<unknown> = Promise.resolve()
  private active = 0

  private start(): Worker {
    if (this.worker) return this.worker
    const w = startWorker()
    w.on('message', (m: TaskReply) => {
      const p = this.pending.get(m.id)
      if (!p) return
      if ('progress' in m) p.onProgress?.(m.progress.stage, m.progress.done, m.progress.total)
      else {
        this.pending.delete(m.id)
        if (m.ok) p.resolve(m.result)
        else p.reject(fromWireError(m.error))
      }
    })
    const fail = (err: Error): void => {
      if (this.worker === w) this.worker = null
      for (const p of this.pending.values()) p.reject(err)
      this.pending.clear()
    }
    w.on('error', (e) => fail(new AppError('INTERNAL', `Projection worker failed: ${e.message}`)))
    w.on('exit', (code) => fail(new AppError('CANCELLED', `Projection worker stopped (exit code ${code})`)))
    // An idle thread must not keep the process alive (harness shutdown, tests); a busy one must.
    w.unref()
    this.worker = w
    return w
  }

  /**
   * Runs `task` after the tasks before it. `signal` aborting terminates the worker (the task fails
   * with CANCELLED; fitted models held by the worker are lost).
   * @throws AppError CANCELLED, INTERNAL, or the task's own error.
   */
  run<T extends TaskName>(task: T, args: ProjectionTasks[T]['args'], opts: { signal?: AbortSignal; onProgress?: Pending['onProgress']; transfer?: ArrayBuffer[] } = {}): Promise<ProjectionTasks[T]['result']> {
    const go = (): Promise<ProjectionTasks[T]['result']> =>
      new Promise((resolve, reject) => {
        if (opts.signal?.aborted) return reject(new AppError('CANCELLED', 'Cancelled by the user'))
        const w = this.start()
        w.ref()
        const id = this.nextId++
        this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress })
        opts.signal?.addEventListener('abort', () => {
          if (this.pending.has(id)) void w.terminate()
        }, { once: true })
        w.postMessage({ id, task, args }, opts.transfer ?? [])
      })
    this.active++
    const result = this.queue.then(go, go).finally(() => {
      if (--this.active === 0) this.worker?.unref()
    })
    this.queue = result.catch(() => undefined)
    return result
  }

  /** True when no task is running or queued. */
  get idle(): boolean {
    return this.active === 0
  }

  /** Stops the worker thread (app quit, tests). */
  async dispose(): Promise<void> {
    const w = this.worker
    this.worker = null
    await w?.terminate()
  }
}
