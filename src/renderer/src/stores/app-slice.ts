/** The shell's slice: current section, model host status, jobs, settings. */
import type { StateCreator } from 'zustand'
import type { HostStatus, JobInfo, Settings } from '@shared/types'
import { DEFAULT_SETTINGS } from '@shared/types'
import { etaMs } from '../lib/eta'
import type { StoreState } from '.'

export const SECTIONS = ['concept-map', 'library', 'walkthrough', 'tokenizer', 'generation', 'models', 'settings'] as const
export type Section = (typeof SECTIONS)[number]

/** A running job's time left, estimated from its progress since the current stage was first seen. */
export interface JobEta {
  stage: string
  /** The first report of this stage: when it arrived and how much was done then. */
  mark: { at: number; done: number }
  /** Estimated ms left at the latest report (lib/eta.ts), or null while there is too little to go on. */
  ms: number | null
}

export interface AppSlice {
  section: Section
  /** Optional deep link inside a section, e.g. a walkthrough step id. */
  sectionTarget: string | null
  host: HostStatus
  jobs: Record<string, JobInfo>
  /** Time-left estimates of running jobs, by job id (updated with each progress report). */
  jobEtas: Record<string, JobEta>
  settings: Settings
  /** A message for the toast area (already translated), or null. */
  notice: { kind: 'error' | 'info'; text: string } | null
  go(section: Section, target?: string | null): void
  setHost(status: HostStatus): void
  /** Stores a job's latest state and updates its time-left estimate (dropped once it stops running). */
  upsertJob(job: JobInfo): void
  setSettings(settings: Settings): void
  notify(notice: AppSlice['notice']): void
}

export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set) => ({
  section: 'concept-map',
  sectionTarget: null,
  host: { state: 'starting', pid: null, restarts: 0, lastError: null },
  jobs: {},
  jobEtas: {},
  settings: { ...DEFAULT_SETTINGS },
  notice: null,
  go: (section, target = null) => set({ section, sectionTarget: target }),
  setHost: (host) => set({ host }),
  upsertJob: (job) =>
    set((s) => {
      const { [job.id]: prev, ...jobEtas } = s.jobEtas
      if (job.state === 'running') {
        // Stages count different units (files, bytes, chunks): each new stage restarts the estimate.
        const now = Date.now()
        const mark = prev?.stage === job.stage ? prev.mark : { at: now, done: job.done }
        jobEtas[job.id] = { stage: job.stage, mark, ms: etaMs(mark, job.done, job.total, now) }
      }
      return { jobs: { ...s.jobs, [job.id]: job }, jobEtas }
    }),
  setSettings: (settings) => set({ settings }),
  notify: (notice) => set({ notice })
})
