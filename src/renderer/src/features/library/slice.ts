/** The library feature's slice: the libraries, the selected one, and the import in progress. */
import type { StateCreator } from 'zustand'
import type { Chunking, EmbeddingModelInfo, FileSpec, ImportReport, LibraryInfo, PreviewResult, StagedFile } from '@shared/contract/library'
import { DEFAULT_CHUNKING } from '@shared/contract/library'
import type { StoreState } from '../../stores'

/** A file of the import list: staged on the Node side, or refused before sending (too large). */
export interface ImportFile {
  staged: StagedFile
  spec: FileSpec
}

export interface LibraryState {
  libraries: LibraryInfo[] | null
  models: EmbeddingModelInfo[]
  selectedId: string | null
  files: ImportFile[]
  /** Files refused in the renderer (too large to send), with their size in bytes. */
  refused: { name: string; bytes: number }[]
  chunking: Chunking
  preview: PreviewResult | null
  /**
   * The running import (or re-embed) job started from this view. Its progress and time left live
   * in the app slice (`jobs`, `jobEtas`), which every progress report updates: copying them here
   * would re-render the whole library view with each report.
   */
  jobId: string | null
  report: ImportReport | null
  busy: 'staging' | 'preview' | 'starting' | null
  /** Translated message of the last failure, or null. */
  error: string | null
}

export interface LibrarySlice {
  library: LibraryState
  setLibrary(patch: Partial<LibraryState>): void
}

export const initialLibraryState: LibraryState = {
  libraries: null,
  models: [],
  selectedId: null,
  files: [],
  refused: [],
  chunking: DEFAULT_CHUNKING,
  preview: null,
  jobId: null,
  report: null,
  busy: null,
  error: null
}

export const createLibrarySlice: StateCreator<StoreState, [], [], LibrarySlice> = (set) => ({
  library: initialLibraryState,
  setLibrary: (patch) => set((s) => ({ library: { ...s.library, ...patch } }))
})
