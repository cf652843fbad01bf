/** Handlers of the shell's channels (src/shared/contract/core.ts). */
import type { HandlersOf } from '../shared/contract/channel'
import type { coreContract } from '../shared/contract/core'
import type { CoreContext } from './context'
import { listBundledModels } from './models/registry'

export function createCoreHandlers(ctx: CoreContext): HandlersOf<typeof coreContract> {
  const { options, host, jobs, settings } = ctx
  return {
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
    'models:list': () => listBundledModels(ctx.modelsDir),
    'jobs:list': async () => jobs.list(),
    'jobs:cancel': async (req) => jobs.cancel(req.id),
    'jobs:selfTest': async (req) =>
      jobs.start('jobs.selfTest', async (control) => {
        await host.request('selfTest', { steps: req.seconds * 4, stepMs: 250 }, { signal: control.signal, onProgress: (p) => control.progress(p.stage, p.done, p.total) })
      }),
    'settings:get': () => settings.get(),
    'settings:set': (req) => settings.set(req)
  }
}
