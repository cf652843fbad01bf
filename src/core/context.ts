/** What every feature's handlers get from services.ts: the shared services and folders. */
import type { EventBus } from './events'
import type { ModelHost } from './host/host'
import type { JobRegistry } from './jobs/jobs'
import type { SettingsStore } from './settings/settings'
import type { ServiceOptions } from './services'

export interface CoreContext {
  options: ServiceOptions
  /** resources/models (bundled models, read-only). */
  modelsDir: string
  /** resources/lessons */
  lessonsDir: string
  /** resources/corpora */
  corporaDir: string
  bus: EventBus
  jobs: JobRegistry
  host: ModelHost
  settings: SettingsStore
}
