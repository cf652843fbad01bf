/** Domain types shared by every layer. Pure data: no functions, no classes. */

/** Life cycle of the model host process (src/worker) as seen by core/host. */
export type HostState = 'starting' | 'ready' | 'crashed' | 'restarting' | 'stopped'

/** Snapshot of the model host, pushed as the `host:status` event. */
export interface HostStatus {
  state: HostState
  /** OS process id of the current host, if running. */
  pid: number | null
  /** How many times the host has been restarted after dying. */
  restarts: number
  /** Why the host last died or failed to start, if it did. */
  lastError: string | null
}

/** A long-running piece of work (import, embedding, projection, …) with progress. */
export interface JobInfo {
  id: string
  /** i18n key of the job's title, e.g. `jobs.selfTest`. */
  kind: string
  state: 'running' | 'done' | 'failed' | 'cancelled'
  /** Units of work done / total (units depend on the stage: chunks, tokens, bytes). */
  done: number
  total: number
  /** Short machine-readable stage name, e.g. `load`, `embed`. */
  stage: string
  /** Milliseconds since epoch. */
  startedAt: number
  error: string | null
}

/** User settings persisted as JSON in the user-data folder. */
export interface Settings {
  language: 'system' | 'en' | 'zh-CN'
  theme: 'system' | 'light' | 'dark'
}

/** Default settings for a first start. */
export const DEFAULT_SETTINGS: Settings = { language: 'system', theme: 'system' }

/** One file of a bundled model as listed in resources/models/manifest.json. */
export interface ModelFile {
  path: string
  sha256: string
  bytes: number
}

/** One bundled model (an entry of resources/models/manifest.json). */
export interface ModelInfo {
  id: string
  task: string
  licence: string
  source: string
  version: string
  script: string
  languages?: string[]
  notes?: string
  files: ModelFile[]
}

/** What the app reports about itself (`app:info`). */
export interface AppInfo {
  version: string
  /** `electron` in the desktop app, `harness` in a browser session. */
  transport: 'electron' | 'harness'
  platform: string
  userDataDir: string
  resourcesDir: string
}

/** Result of `host:ping`: the model host answered. */
export interface PingResult {
  echo: string
  pid: number
  /** Wall-clock milliseconds the host spent on the request. */
  tookMs: number
}
