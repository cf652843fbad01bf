/**
 * The library feature's service: libraries, staged files, preview, import / re-embed jobs, and the
 * start-up work (resume interrupted jobs, then make the sample library on a first start).
 */
import { join } from 'node:path'
import { AppError, toWireError } from '../../shared/errors'
import type { Chunking, FileSpec, ImportReport, LibraryInfo, PreviewResult } from '../../shared/contract/library'
import type { JobInfo } from '../../shared/types'
import type { CoreContext } from '../context'
import { defaultEmbeddingModel } from './models'
import { type ImportDeps, hostCounter, knownContent, resumeJob, runImport, runReembed } from './importer'
import { Journals } from './journal'
import { type Plan, planImport, tokenStats } from './plan'
import { Staging, type StagedEntry } from './staging'
import { getLibraryStore, type LibraryRecord, type LibraryStore } from './store'
import { pairVectorFiles, readVectorSet } from './vectors-import'

export class LibraryService {
  readonly staging = new Staging()
  private readonly running = new Map<string, string>()
  /** Libraries made for a job that is about to start: listed as importing, never as an empty "ready". */
  private readonly starting = new Set<string>()
  private cachedPlan: { key: string; plan: Plan } | null = null
  private changeTimer: NodeJS.Timeout | null = null
  private readonly storeP: Promise<LibraryStore>
  private readonly journals: Journals

  constructor(private readonly ctx: CoreContext) {
    this.storeP = getLibraryStore(ctx.options.userDataDir)
    this.journals = new Journals(join(ctx.options.userDataDir, 'libraries', 'jobs'))
  }

  store(): Promise<LibraryStore> {
    return this.storeP
  }

  private async deps(): Promise<ImportDeps> {
    return { store: await this.storeP, journals: this.journals, host: this.ctx.host, changed: () => this.changed() }
  }

  /** Announces the library list (at most every 250 ms). */
  changed(): void {
    if (this.changeTimer) return
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null
      this.list().then((l) => this.ctx.bus.emit('library:changed', l), () => undefined)
    }, 250)
  }

  private async info(store: LibraryStore, lib: LibraryRecord, pending: Set<string>): Promise<LibraryInfo> {
    const { generation: _g, ...rest } = lib
    const state = this.running.has(lib.id) || this.starting.has(lib.id) ? 'importing' : pending.has(lib.id) ? 'interrupted' : 'ready'
    return { ...rest, documents: await store.countDocuments(lib.id), chunks: await store.countChunks(lib.id), state }
  }

  async list(): Promise<LibraryInfo[]> {
    const store = await this.storeP
    const pending = new Set((await this.journals.all()).map((j) => j.libraryId))
    return Promise.all((await store.list()).map((l) => this.info(store, l, pending)))
  }

  /**
   * Makes a library. `importNext`: a job will start on it at once (the sample library), so it is
   * listed as importing until {@link import} starts it or {@link importAborted} is called.
   */
  async create(name: string, modelId?: string, sample = false, importNext = false): Promise<LibraryInfo> {
    const store = await this.storeP
    const model = modelId ?? (await defaultEmbeddingModel(this.ctx.modelsDir))
    if (!model) throw new AppError('MODEL_NOT_FOUND', 'No embedding model is installed, so a library cannot be made. Reinstall the app.')
    const lib = await store.create(name, model, sample)
    if (importNext) this.starting.add(lib.id)
    this.changed()
    return this.info(store, lib, new Set())
  }

  async rename(id: string, name: string): Promise<LibraryInfo> {
    const store = await this.storeP
    const lib = await store.rename(id, name)
    this.changed()
    return this.info(store, lib, new Set())
  }

  /** @throws AppError BAD_REQUEST while a job is writing to the library (cancel it first) */
  async delete(id: string): Promise<boolean> {
    if (this.running.has(id)) throw new AppError('BAD_REQUEST', 'A job is still writing to this library. Cancel it in the status bar, then delete.')
    const ok = await (await this.storeP).delete(id)
    for (const j of await this.journals.all()) if (j.libraryId === id) await this.journals.remove(j.id)
    this.changed()
    return ok
  }

  private entries(files: FileSpec[]): { entry: StagedEntry; spec: FileSpec }[] {
    return files.map((spec) => ({ entry: this.staging.get(spec.fileId), spec }))
  }

  /** Plans without embedding; see {@link PreviewResult}. */
  async preview(libraryId: string, files: FileSpec[], chunking: Chunking): Promise<PreviewResult> {
    const store = await this.storeP
    const lib = await store.get(libraryId)
    const all = this.entries(files)
    const vectorFiles = all.filter((f) => f.entry.info.format === 'vectors' || f.entry.info.format === 'vectors-meta')
    const text = all.filter((f) => !vectorFiles.includes(f))
    const counter = hostCounter(this.ctx.host, lib.modelId)
    const plan = text.length && lib.modelId !== 'imported' ? await planImport(libraryId, text, chunking, await knownContent(store, libraryId), counter) : { documents: [], chunks: [], tokens: [], files: [], duplicates: 0 }
    this.cachedPlan = { key: JSON.stringify([libraryId, text.map((t) => t.spec), chunking, lib.updatedAt]), plan }
    const vectorRows = pairVectorFiles(vectorFiles.map((f) => f.entry)).map((pair) => {
      const set = readVectorSet(libraryId, pair)
      return { fileId: pair.vectors.fileId, name: pair.vectors.name, documents: 'code' in set ? 0 : 1, chunks: 'code' in set ? 0 : set.rows.length, problems: 'code' in set ? [set] : [] }
    })
    const maxTokens = text.length && lib.modelId !== 'imported' ? (await this.ctx.host.request('embeddingInfo', { modelId: lib.modelId })).maxTokens : 0
    const samples = plan.chunks.slice(0, 5).map((c, i) => ({ documentName: c.documentName, text: c.text.slice(0, 400), tokens: plan.tokens[i] ?? 0 }))
    return {
      files: [...plan.files, ...vectorRows],
      chunks: plan.chunks.length + vectorRows.reduce((n, r) => n + r.chunks, 0),
      duplicates: plan.duplicates,
      tokens: tokenStats(plan.tokens),
      maxTokens,
      overLimit: plan.tokens.filter((t) => t > maxTokens).length,
      samples
    }
  }

  private startJob(kind: string, libraryId: string, work: (jobId: string, control: Parameters<Parameters<CoreContext['jobs']['start']>[1]>[0]) => Promise<void>): JobInfo {
    if (this.running.has(libraryId)) throw new AppError('BAD_REQUEST', 'Another job is already writing to this library; wait for it or cancel it.')
    const holder = { id: '' }
    const job = this.ctx.jobs.start(kind, async (control) => {
      await Promise.resolve() // jobs.start runs this at once: let it return the id first
      try {
        await work(holder.id, control)
      } finally {
        this.running.delete(libraryId)
        this.changed()
      }
    })
    holder.id = job.id
    this.running.set(libraryId, job.id)
    this.starting.delete(libraryId)
    this.changed()
    return job
  }

  /** Starts an import job; its per-file outcome is pushed as `library:importReport`. */
  async import(libraryId: string, files: FileSpec[], chunking: Chunking, kind = 'library.jobs.import'): Promise<JobInfo> {
    const store = await this.storeP
    const lib = await store.get(libraryId)
    const all = this.entries(files)
    const key = JSON.stringify([libraryId, all.filter((f) => !['vectors', 'vectors-meta'].includes(f.entry.info.format ?? '')).map((f) => f.spec), chunking, lib.updatedAt])
    const cached = this.cachedPlan?.key === key ? this.cachedPlan.plan : undefined
    this.cachedPlan = null
    return this.startJob(kind, libraryId, async (jobId, control) => {
      const report: ImportReport = { jobId, libraryId, state: 'done', files: [], error: null }
      try {
        report.files = await runImport(await this.deps(), jobId, libraryId, all, chunking, control, cached)
        this.staging.remove(files.map((f) => f.fileId))
      } catch (e) {
        report.state = control.signal.aborted ? 'cancelled' : 'failed'
        report.error = toWireError(e)
        throw e
      } finally {
        this.ctx.bus.emit('library:importReport', report)
      }
    })
  }

  /** The job announced by `create(…, importNext)` will not start (it failed before starting). */
  importAborted(libraryId: string): void {
    if (this.starting.delete(libraryId)) this.changed()
  }

  async reembed(libraryId: string, modelId: string): Promise<JobInfo> {
    await (await this.storeP).get(libraryId)
    return this.startJob('library.jobs.reembed', libraryId, async (jobId, control) => runReembed(await this.deps(), jobId, libraryId, modelId, control))
  }

  /** Resumes every interrupted job, one after another (each as a job the user sees). */
  async resumeAll(): Promise<void> {
    for (const journal of await this.journals.all()) {
      await new Promise<void>((resolve) => {
        const job = this.startJob('library.jobs.resume', journal.libraryId, async (_id, control) => {
          try {
            await resumeJob(await this.deps(), journal, control)
          } finally {
            resolve()
          }
        })
        void job
      }).catch(() => undefined)
    }
  }
}
