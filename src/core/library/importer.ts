/**
 * Import and re-embed jobs. Each is journalled (journal.ts) before its first vector is computed;
 * {@link resumeJob} finishes a journal left by a crash. Cancelling removes what the job had added,
 * and never touches what was stored before it.
 */
import { AppError } from '../../shared/errors'
import type { Chunking, FileProblem, FileSpec, PreviewResult } from '../../shared/contract/library'
import type { ModelHost } from '../host/host'
import type { JobControl } from '../jobs/jobs'
import { embedAndCommit } from './embedder'
import type { ImportJournal, Journals, ReembedJournal } from './journal'
import { type Plan, planImport } from './plan'
import type { StagedEntry } from './staging'
import type { LibraryStore } from './store'
import { pairVectorFiles, readVectorSet } from './vectors-import'

export interface ImportDeps {
  store: LibraryStore
  journals: Journals
  host: ModelHost
  /** Something stored changed (the UI refreshes its list). */
  changed(): void
}

/** A token counter on the model host for `modelId`. */
export function hostCounter(host: ModelHost, modelId: string, signal?: AbortSignal): (texts: string[]) => Promise<Int32Array> {
  return async (texts) => {
    if (signal?.aborted) throw new AppError('CANCELLED', 'Cancelled by the user')
    return texts.length ? (await host.request('tokenCount', { modelId, texts })).counts : new Int32Array(0)
  }
}

/** What the library already holds (for duplicate and re-import checks). */
export async function knownContent(store: LibraryStore, libraryId: string): Promise<{ documents: Set<string>; hashes: Set<string> }> {
  return { documents: new Set((await store.documents(libraryId)).map((d) => d.id)), hashes: await store.chunkHashes(libraryId) }
}

/** Stores brought-in vectors (one commit per file). @returns one problem per file that failed */
async function importVectors(deps: ImportDeps, libraryId: string, entries: StagedEntry[]): Promise<PreviewResult['files']> {
  const out: PreviewResult['files'] = []
  for (const pair of pairVectorFiles(entries)) {
    const set = readVectorSet(libraryId, pair)
    const file = { fileId: pair.vectors.fileId, name: pair.vectors.name, documents: 0, chunks: 0, problems: [] as FileProblem[] }
    out.push(file)
    if ('code' in set) {
      file.problems.push(set)
      continue
    }
    await deps.store.exclusive(libraryId, async () => {
      const lib = await deps.store.get(libraryId)
      const count = await deps.store.countChunks(libraryId)
      if (count > 0 && (lib.modelId !== 'imported' || lib.dim !== set.dim)) {
        file.problems.push({ code: 'VECTORS_BROKEN', file: pair.vectors.name, detail: `This library holds ${lib.dim}-number vectors from ${lib.modelId}; vectors of ${set.dim} numbers from elsewhere cannot be compared with them. Import them into a new library.`, fatal: true })
        return
      }
      if (count === 0) await deps.store.patch(libraryId, { modelId: 'imported', dim: set.dim })
      await deps.store.addChunks(libraryId, set.rows, set.dim)
      await deps.store.addDocuments(libraryId, [set.document])
      Object.assign(file, { documents: 1, chunks: set.rows.length })
    })
  }
  return out
}

/**
 * The import job: vectors files are stored as they are; text files are parsed, chunked, journalled,
 * then embedded batch by batch.
 * @param cached a plan computed by the preview for exactly these files and options, if any
 * @returns the per-file outcome (problems name their file)
 */
export async function runImport(
  deps: ImportDeps,
  jobId: string,
  libraryId: string,
  files: { entry: StagedEntry; spec: FileSpec }[],
  chunking: Chunking,
  control: JobControl,
  cached?: Plan
): Promise<PreviewResult['files']> {
  const lib = await deps.store.get(libraryId)
  const vectorEntries = files.filter((f) => f.entry.info.format === 'vectors' || f.entry.info.format === 'vectors-meta').map((f) => f.entry)
  const report = await importVectors(deps, libraryId, vectorEntries)
  const textFiles = files.filter((f) => !vectorEntries.includes(f.entry))
  if (textFiles.length === 0) return report
  if (lib.modelId === 'imported') throw new AppError('BAD_REQUEST', 'This library holds brought-in vectors without a model; import text into a library that has an embedding model.')
  control.progress('parse', 0, textFiles.length)
  const plan = cached ?? (await planImport(libraryId, textFiles, chunking, await knownContent(deps.store, libraryId), hostCounter(deps.host, lib.modelId, control.signal), (n) => control.progress('parse', n, textFiles.length)))
  const journal: ImportJournal = { version: 1, kind: 'import', id: jobId, libraryId, modelId: lib.modelId, createdAt: Date.now(), documents: plan.documents, chunks: plan.chunks }
  await deps.journals.write(journal)
  await finishImport(deps, journal, control)
  return [...report, ...plan.files]
}

/** Embeds what a journal still lacks, then removes the journal; on cancel, removes the job's documents. */
async function finishImport(deps: ImportDeps, journal: ImportJournal, control: JobControl): Promise<void> {
  const { store, libraryId } = { store: deps.store, libraryId: journal.libraryId }
  try {
    const haveDocs = new Set((await store.documents(libraryId)).map((d) => d.id))
    await store.exclusive(libraryId, () => store.addDocuments(libraryId, journal.documents.filter((d) => !haveDocs.has(d.id))))
    deps.changed()
    const done = await store.chunkIds(libraryId)
    const todo = journal.chunks.filter((c) => !done.has(c.id))
    await embedAndCommit({ store, host: deps.host, libraryId, modelId: journal.modelId, onCommit: () => deps.changed() }, todo, journal.chunks.length - todo.length, journal.chunks.length, control)
  } catch (e) {
    if (control.signal.aborted || (e instanceof AppError && e.code !== 'HOST_CRASHED')) {
      await store.exclusive(libraryId, () => store.deleteDocuments(libraryId, journal.documents.map((d) => d.id))).catch(() => undefined)
      await deps.journals.remove(journal.id)
    }
    throw e
  }
  await deps.journals.remove(journal.id)
  await store.patch(libraryId, {})
}

/** The re-embed job: every chunk of the current generation into a new one, then switch. */
export async function runReembed(deps: ImportDeps, jobId: string, libraryId: string, modelId: string, control: JobControl): Promise<void> {
  const lib = await deps.store.get(libraryId)
  const journal: ReembedJournal = { version: 1, kind: 'reembed', id: jobId, libraryId, modelId, createdAt: Date.now(), from: lib.generation, to: lib.generation + 1 }
  await deps.journals.write(journal)
  await finishReembed(deps, journal, control)
}

async function finishReembed(deps: ImportDeps, j: ReembedJournal, control: JobControl): Promise<void> {
  const { store } = deps
  try {
    const total = (await store.chunkIds(j.libraryId, j.from)).size
    const done = await store.chunkIds(j.libraryId, j.to)
    let committed = done.size
    for (let offset = 0; offset < total; offset += 1024) {
      const todo = (await store.chunkRows(j.libraryId, j.from, offset, 1024)).filter((r) => !done.has(r.id))
      await embedAndCommit({ store, host: deps.host, libraryId: j.libraryId, modelId: j.modelId, generation: j.to }, todo, committed, total, control)
      committed += todo.length
    }
    await store.exclusive(j.libraryId, async () => {
      await store.patch(j.libraryId, { generation: j.to, modelId: j.modelId, dim: await store.generationDim(j.libraryId, j.to) })
      await store.dropGeneration(j.libraryId, j.from)
    })
  } catch (e) {
    if (control.signal.aborted || (e instanceof AppError && e.code !== 'HOST_CRASHED')) {
      await store.dropGeneration(j.libraryId, j.to).catch(() => undefined)
      await deps.journals.remove(j.id)
    }
    throw e
  }
  await deps.journals.remove(j.id)
}

/** Finishes a job left by a crash (its journal). */
export function resumeJob(deps: ImportDeps, journal: ImportJournal | ReembedJournal, control: JobControl): Promise<void> {
  return journal.kind === 'import' ? finishImport(deps, journal, control) : finishReembed(deps, journal, control)
}
