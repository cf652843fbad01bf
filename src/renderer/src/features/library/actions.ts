/** What the library view does: calls to the Node side (window.api) that update the library slice. */
import { MAX_FILE_BYTES, type FileSpec } from '@shared/contract/library'
import { i18next } from '../../app/i18n'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'
import type { ImportFile, LibraryState } from './slice'

const get = (): LibraryState => useStore.getState().library
const set = (patch: Partial<LibraryState>): void => useStore.getState().setLibrary(patch)
const fail = (e: unknown): void => set({ error: describeError(e, i18next.t), busy: null })

/**
 * Bytes sent per `library:stage` call (several calls for a big folder). Each call copies and
 * encodes its files on the UI thread: 10 MB in one call measured a 63 ms task (bench/import-ui.ts),
 * so files go a few MB at a time (a single larger file still goes alone, in one call).
 */
const STAGE_CALL_BYTES = 3 * 1024 * 1024

export async function refreshLibraries(): Promise<void> {
  try {
    const libraries = await api().library.list()
    const { selectedId } = get()
    set({ libraries, selectedId: libraries.some((l) => l.id === selectedId) ? selectedId : (libraries[0]?.id ?? null) })
  } catch (e) {
    fail(e)
  }
}

export async function loadModels(): Promise<void> {
  try {
    set({ models: await api().library.models() })
  } catch (e) {
    fail(e)
  }
}

/** Runs `work`, turning a failure into the slice's error line. @returns false if it failed */
async function attempt(work: () => Promise<unknown>): Promise<boolean> {
  try {
    set({ error: null })
    await work()
    return true
  } catch (e) {
    fail(e)
    return false
  }
}

export const createLibrary = (name: string, modelId?: string): Promise<boolean> =>
  attempt(async () => {
    const lib = await api().library.create({ name, modelId })
    set({ selectedId: lib.id })
    await refreshLibraries()
  })

export const renameLibrary = (id: string, name: string): Promise<boolean> => attempt(async () => api().library.rename({ id, name }).then(refreshLibraries))

export const deleteLibrary = (id: string): Promise<boolean> => attempt(async () => api().library.delete({ id }).then(refreshLibraries))

export const reembedLibrary = (id: string, modelId: string): Promise<boolean> =>
  attempt(async () => {
    const job = await api().library.reembed({ id, modelId })
    set({ jobId: job.id, report: null })
  })

/** A File's name as the user knows it: its path inside a dropped or picked folder, if any. */
function displayName(file: File & { relativePath?: string }): string {
  return file.relativePath || file.webkitRelativePath || file.name
}

/** Sends files to the Node side in groups; files over the limit are refused here, unsent. */
export async function addFiles(list: (File & { relativePath?: string })[]): Promise<void> {
  const refused = list.filter((f) => f.size > MAX_FILE_BYTES).map((f) => ({ name: displayName(f), bytes: f.size }))
  const ok = list.filter((f) => f.size <= MAX_FILE_BYTES)
  set({ refused: [...get().refused, ...refused], preview: null, report: null })
  if (ok.length === 0) return
  set({ busy: 'staging' })
  await attempt(async () => {
    for (let i = 0; i < ok.length; ) {
      const group: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = []
      let size = 0
      while (i < ok.length && (group.length === 0 || size + (ok[i] as File).size <= STAGE_CALL_BYTES)) {
        const f = ok[i++] as File
        size += f.size
        group.push({ name: displayName(f), bytes: new Uint8Array(await f.arrayBuffer()) })
      }
      const staged = await api().library.stage({ files: group })
      const added: ImportFile[] = staged.map((s) => ({ staged: s, spec: { fileId: s.fileId, textField: s.suggestedTextField ?? undefined } }))
      set({ files: [...get().files, ...added] })
    }
  })
  set({ busy: null })
}

let pasted = 0
/** Adds pasted text as a UTF-8 .txt file. */
export function addPastedText(text: string): Promise<void> {
  pasted += 1
  const file = new File([new TextEncoder().encode(text)], `${i18next.t('library.import.pastedName', { n: pasted })}.txt`, { type: 'text/plain' })
  return addFiles([file])
}

/** Changes how one file is read (text field, metadata fields). */
export function setSpec(fileId: string, patch: Partial<FileSpec>): void {
  set({ files: get().files.map((f) => (f.spec.fileId === fileId ? { ...f, spec: { ...f.spec, ...patch } } : f)), preview: null })
}

/** Reads a file again with another encoding. */
export const setEncoding = (fileId: string, encoding: string): Promise<boolean> =>
  attempt(async () => {
    const staged = await api().library.restage({ fileId, encoding })
    set({ files: get().files.map((f) => (f.spec.fileId === fileId ? { staged, spec: { ...f.spec, encoding } } : f)), preview: null })
  })

export async function removeFile(fileId: string): Promise<void> {
  set({ files: get().files.filter((f) => f.spec.fileId !== fileId), preview: null })
  await api().library.unstage({ fileIds: [fileId] }).catch(() => undefined)
}

/** Files that can be imported (no fatal problem found when staging). */
export const importable = (files: ImportFile[]): ImportFile[] => files.filter((f) => !f.staged.problems.some((p) => p.fatal))

export async function runPreview(): Promise<void> {
  const { selectedId, files, chunking } = get()
  const ok = importable(files)
  if (!selectedId || ok.length === 0) return
  set({ busy: 'preview' })
  if (await attempt(async () => set({ preview: await api().library.preview({ libraryId: selectedId, files: ok.map((f) => f.spec), chunking }) }))) set({ busy: null })
}

export async function startImport(): Promise<void> {
  const { selectedId, files, chunking } = get()
  const ok = importable(files)
  if (!selectedId || ok.length === 0) return
  set({ busy: 'starting', report: null })
  await attempt(async () => {
    const job = await api().library.import({ libraryId: selectedId, files: ok.map((f) => f.spec), chunking })
    set({ jobId: job.id })
  })
  set({ busy: null })
}

/** Empties the import list (staged bytes are released on the Node side). */
export async function clearImport(): Promise<void> {
  const ids = get().files.map((f) => f.spec.fileId)
  set({ files: [], refused: [], preview: null })
  if (ids.length) await api().library.unstage({ fileIds: ids }).catch(() => undefined)
}
