/**
 * The embedding loop of import and re-embed jobs: chunks go to the model host in batches of
 * {@link COMMIT_BATCH}; each batch's vectors are committed to LanceDB in one write before the next
 * batch starts, so a crash or kill loses at most the batch in flight. A model host that dies
 * mid-batch is restarted by core/host; the batch is then tried again (up to 3 times).
 */
import { AppError } from '../../shared/errors'
import type { ModelHost } from '../host/host'
import type { JobControl } from '../jobs/jobs'
import type { PendingChunk } from './journal'
import type { LibraryStore } from './store'
import type { ChunkRow } from './tables'

/** Chunks per LanceDB commit. */
export const COMMIT_BATCH = 64
/** Texts per forward pass in the model host. */
export const HOST_BATCH = 16

/** Embeds passages; retries when the model host crashed. @throws AppError CANCELLED, MODEL_*, HOST_* */
export async function embedPassages(host: ModelHost, modelId: string, texts: string[], signal: AbortSignal, onDone: (n: number, stage: string, total: number) => void): Promise<{ vectors: Float32Array; dim: number }> {
  for (let attempt = 1; ; attempt++) {
    // A listener per request on the job's long-lived signal would pile up: link a short-lived one.
    const local = new AbortController()
    const onAbort = (): void => local.abort(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      return await host.request('embed', { modelId, texts, kind: 'passage', batchSize: HOST_BATCH }, { signal: local.signal, onProgress: (p) => onDone(p.done, p.stage, p.total) })
    } catch (e) {
      if (signal.aborted) throw new AppError('CANCELLED', 'Cancelled by the user')
      if (!(e instanceof AppError && e.code === 'HOST_CRASHED') || attempt >= 3) throw e
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }
}

export interface EmbedTarget {
  store: LibraryStore
  host: ModelHost
  libraryId: string
  modelId: string
  /** Chunk generation to write (default: the library's current one). */
  generation?: number
  /** Called after every commit. */
  onCommit?: (committed: number) => void
}

/**
 * Embeds and commits `todo`; progress is reported as `embed` (chunks committed of `total`),
 * preceded by `load` while the model loads.
 * @param already chunks of this job committed before (a resumed job)
 */
export async function embedAndCommit(t: EmbedTarget, todo: PendingChunk[], already: number, total: number, control: JobControl): Promise<void> {
  let committed = already
  control.progress('embed', committed, total)
  const batches: PendingChunk[][] = []
  for (let i = 0; i < todo.length; i += COMMIT_BATCH) batches.push(todo.slice(i, i + COMMIT_BATCH))
  const embed = (b: number): Promise<{ vectors: Float32Array; dim: number }> =>
    embedPassages(t.host, t.modelId, (batches[b] as PendingChunk[]).map((c) => c.text), control.signal, (n, stage, stageTotal) =>
      stage === 'load' ? control.progress('load', n, stageTotal) : control.progress('embed', committed + n, total)
    )
  // The host embeds batch b+1 while batch b is written to LanceDB.
  let next = batches.length ? embed(0) : null
  next?.catch(() => undefined)
  for (let b = 0; b < batches.length; b++) {
    const { vectors, dim } = await (next as Promise<{ vectors: Float32Array; dim: number }>)
    if (control.signal.aborted) throw new AppError('CANCELLED', 'Cancelled by the user')
    next = b + 1 < batches.length ? embed(b + 1) : null
    next?.catch(() => undefined)
    const batch = batches[b] as PendingChunk[]
    const rows: ChunkRow[] = batch.map((c, k) => ({ ...c, vector: vectors.slice(k * dim, (k + 1) * dim) }))
    await t.store.exclusive(t.libraryId, async () => {
      const lib = await t.store.get(t.libraryId)
      if (t.generation === undefined && lib.dim !== dim) {
        if (lib.dim !== 0) throw new AppError('INTERNAL', `Vectors of ${dim} numbers cannot join a library of ${lib.dim}.`)
        await t.store.patch(t.libraryId, { dim })
      }
      await t.store.addChunks(t.libraryId, rows, dim, t.generation)
    })
    committed += batch.length
    control.progress('embed', committed, total)
    t.onCommit?.(committed)
  }
}
