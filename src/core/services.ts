/**
 * Builds every core service and the {@link Handlers} that implement the IPC contract.
 * Electron main and the harness both call this; neither adds logic of its own.
 * Each feature contributes its handlers from src/core/<feature>/handlers.ts.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Handlers } from '../shared/ipc'
import type { AppInfo } from '../shared/types'
import type { CoreContext } from './context'
import { createCoreHandlers } from './core-handlers'
import { EventBus } from './events'
import { createGenerationHandlers } from './generation/handlers'
import { ModelHost } from './host/host'
import type { SpawnHost } from './host/process'
import { JobRegistry } from './jobs/jobs'
import { createLessonsHandlers } from './lessons/handlers'
import { createLibraryHandlers } from './library/handlers'
import { SettingsStore } from './settings/settings'
import { createSpaceHandlers } from './space/handlers'
import { createTokenizerHandlers } from './tokenizer/handlers'
import { createWalkthroughHandlers } from './walkthrough/handlers'

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
  const host = new ModelHost({
    spawn: options.spawnHost,
    env: { LLMX_MODELS_DIR: modelsDir, LLMX_CACHE_DIR: join(options.userDataDir, 'cache', 'transformers') }
  })
  host.onStatus((s) => bus.emit('host:status', s))
  const ctx: CoreContext = {
    options,
    modelsDir,
    lessonsDir: join(options.resourcesDir, 'lessons'),
    corporaDir: join(options.resourcesDir, 'corpora'),
    bus,
    jobs: new JobRegistry(bus),
    host,
    settings: new SettingsStore(options.userDataDir)
  }
  const handlers: Handlers = {
    ...createCoreHandlers(ctx),
    ...createLessonsHandlers(ctx),
    ...createLibraryHandlers(ctx),
    ...createSpaceHandlers(ctx),
    ...createTokenizerHandlers(ctx),
    ...createGenerationHandlers(ctx),
    ...createWalkthroughHandlers(ctx)
  }
  host.start().catch(() => undefined)
  return { handlers, bus, host, jobs: ctx.jobs, dispose: () => host.stop() }
}
