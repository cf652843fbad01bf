/** What the explorer asks of the Node side; results go into the explorer's store. */
import type { ProjectionMethod, SpaceExportFile } from '@shared/contract/space'
import { i18next } from '../../../app/i18n'
import { api } from '../../../lib/api'
import { describeError } from '../../../lib/errors'
import { useSpaceStore as store } from './store'

const fail = (e: unknown): void => store.getState().set({ error: describeError(e, i18next.t) })

/** Opens a library: its points, then the PCA layout (the view is never empty). */
export async function openLibrary(libraryId: string): Promise<void> {
  store.getState().reset(libraryId)
  try {
    const points = await api().space.points({ libraryId })
    if (store.getState().libraryId !== libraryId) return
    store.getState().set({ points })
    await requestLayout('pca', 3)
  } catch (e) {
    fail(e)
  }
}

/**
 * Asks for a layout. A cached or quick one replaces the current view at once (animated); a slow
 * one starts a job and the current view stays until {@link jobFinished}.
 */
export async function requestLayout(method: ProjectionMethod, dims: 2 | 3, recompute = false): Promise<void> {
  const { libraryId } = store.getState()
  if (!libraryId) return
  store.getState().set({ pending: { method, dims }, error: null })
  try {
    const r = await api().space.project({ libraryId, method, dims, recompute })
    if (store.getState().libraryId !== libraryId) return
    if (r.projection) store.getState().set({ projection: r.projection, method, dims, jobId: null, pending: null })
    else if (r.job) store.getState().set({ jobId: r.job.id })
  } catch (e) {
    store.getState().set({ pending: null, jobId: null })
    fail(e)
  }
  if (store.getState().search && store.getState().query) void search(store.getState().query)
}

/** Called when the layout job ends: fetch the cached result, or say why there is none. */
export async function jobFinished(state: 'done' | 'failed' | 'cancelled', error: string | null): Promise<void> {
  const { pending } = store.getState()
  store.getState().set({ jobId: null })
  if (!pending) return
  if (state === 'done') return requestLayout(pending.method, pending.dims)
  store.getState().set({ pending: null, error: state === 'failed' ? `${i18next.t('space.layoutFailed')} (${error ?? ''})` : null })
}

export async function search(query: string): Promise<void> {
  const { libraryId, projection } = store.getState()
  if (!libraryId || !query.trim()) return store.getState().set({ query, search: null })
  store.getState().set({ query, searching: true, error: null })
  try {
    const result = await api().space.search({ libraryId, query, k: 10, method: projection?.method, dims: projection?.dims })
    store.getState().set({ search: result, colour: store.getState().colour === 'similarity' ? 'similarity' : store.getState().colour })
  } catch (e) {
    fail(e)
  } finally {
    store.getState().set({ searching: false })
  }
}

export function clearSearch(): void {
  store.getState().set({ query: '', search: null, colour: store.getState().colour === 'similarity' ? 'document' : store.getState().colour })
}

/** Selects a point (null clears) and fetches its chunk and 10 nearest neighbours. */
export async function select(index: number | null): Promise<void> {
  const { libraryId } = store.getState()
  store.getState().set({ selected: index, neighbours: null })
  if (!libraryId || index === null) return
  try {
    const neighbours = await api().space.neighbours({ libraryId, index, k: 10 })
    if (store.getState().selected === index) store.getState().set({ neighbours })
  } catch (e) {
    fail(e)
  }
}

export async function cluster(k: number): Promise<void> {
  const { libraryId } = store.getState()
  if (!libraryId) return
  store.getState().set({ k, clustering: true, error: null })
  try {
    const clusters = await api().space.clusters({ libraryId, k })
    if (store.getState().k === k) store.getState().set({ clusters, colour: 'cluster' })
  } catch (e) {
    fail(e)
  } finally {
    store.getState().set({ clustering: false })
  }
}

/** Saves a file through the browser's download (works in Electron and the harness alike). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export async function exportFiles(format: 'projector' | 'json'): Promise<SpaceExportFile[]> {
  const { libraryId, projection } = store.getState()
  if (!libraryId) return []
  try {
    const files = await api().space.export({ libraryId, format, method: projection?.method, dims: projection?.dims })
    for (const f of files) download(f.name, new Blob([f.text], { type: f.mime }))
    return files
  } catch (e) {
    fail(e)
    return []
  }
}
