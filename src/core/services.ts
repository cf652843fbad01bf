/**
 * Builds every core service and the {@link Handlers} that implement the IPC contract.
 * Electron main and the harness both call this; neither adds logic of its own.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Handlers } from '../shared/ipc'
import type { AppInfo } from '../shared/types'
import { EventBus } from './events'
import { ModelHost } from './host/host'
import type { SpawnHost } from './host/process'
import { JobRegistry } from './jobs/jobs'
import { listBundledModels } from './models/registry'
import { SettingsStore } from './settings/settings'

export interface ServiceOptions {
  /** Where the user's data lives (settings, libraries, caches). Created if missing. */
  userDataDir: string
  /** The app's resources folder (models/, lessons/, corpora/). */
  resourcesDir: string
  transport: AppInfo['transport']
  version: string
  spawnHost: SpawnHost
}

export interface Services {
  handlers: Handlers
  bus: EventBus
  host: ModelHost
  jobs: JobRegistry
  /** Stops the model host; call on quit. */
  dispose(): void
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  await mkdir(options.userDataDir, { recursive: true })
  const modelsDir = join(options.resourcesDir, 'models')
  const bus = new EventBus()
  const jobs = new JobRegistry(bus)
  const settings = new SettingsStore(options.userDataDir)
  const host = new ModelHost({
    spawn: options.spawnHost,
    env: { LLMX_MODELS_DIR: modelsDir, LLMX_CACHE_DIR: join(options.userDataDir, 'cache', 'transformers') }
  })
  host.onStatus((s) => bus.emit('host:status', s))

  const handlers: Handlers = {
    'app:info': async () => ({
      version: options.version,
      transport: options.transport,
      platform: process.platform,
      userDataDir: options.userDataDir,
      resourcesDir: options.resourcesDir
    }),
    'host:status': async () => host.status(),
    'host:restart': () => host.restart(),
    'host:ping': (req) => host.request('ping', req),
    'models:list': () => listBundledModels(modelsDir),
    'jobs:list': async () => jobs.list(),
    'jobs:cancel': async (req) => jobs.cancel(req.id),
    'jobs:selfTest': async (req) =>
      jobs.start('jobs.selfTest', async (control) => {
        await host.request('selfTest', { steps: req.seconds * 4, stepMs: 250 }, { signal: control.signal, onProgress: (p) => control.progress(p.stage, p.done, p.total) })
      }),
    'settings:get': () => settings.get(),
    'settings:set': (req) => settings.set(req)
  }

  host.start().catch(() => undefined)
  return { handlers, bus, host, jobs, dispose: () => host.stop() }
}
