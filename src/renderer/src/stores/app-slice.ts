/** The shell's slice: current section, model host status, jobs, settings. */
import type { StateCreator } from 'zustand'
import type { HostStatus, JobInfo, Settings } from '@shared/types'
import { DEFAULT_SETTINGS } from '@shared/types'
import type { StoreState } from '.'

export const SECTIONS = ['concept-map', 'library', 'walkthrough', 'tokenizer', 'generation', 'models', 'settings'] as const
export type Section = (typeof SECTIONS)[number]

export interface AppSlice {
  section: Section
  /** Optional deep link inside a section, e.g. a walkthrough step id. */
  sectionTarget: string | null
  host: HostStatus
  jobs: Record<string, JobInfo>
  settings: Settings
  /** A message for the toast area (already translated), or null. */
  notice: { kind: 'error' | 'info'; text: string } | null
  go(section: Section, target?: string | null): void
  setHost(status: HostStatus): void
  upsertJob(job: JobInfo): void
  setSettings(settings: Settings): void
  notify(notice: AppSlice['notice']): void
}

export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set) => ({
  section: 'concept-map',
  sectionTarget: null,
  host: { state: 'starting', pid: null, restarts: 0, lastError: null },
  jobs: {},
  settings: { ...DEFAULT_SETTINGS },
  notice: null,
  go: (section, target = null) => set({ section, sectionTarget: target }),
  setHost: (host) => set({ host }),
  upsertJob: (job) => set((s) => ({ jobs: { ...s.jobs, [job.id]: job } })),
  setSettings: (settings) => set({ settings }),
  notify: (notice) => set({ notice })
})
