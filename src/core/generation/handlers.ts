/** Handlers of the generation lab's channels (src/shared/contract/generation.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { generationContract } from '../../shared/contract/generation'
import type { CoreContext } from '../context'
import { listGenModels, readPresets } from './catalog'
import { runGeneration } from './run'

export function createGenerationHandlers(ctx: CoreContext): HandlersOf<typeof generationContract> {
  const running = new Map<string, AbortController>()
  return {
    'generation:models': () => listGenModels(ctx.modelsDir),
    'generation:presets': () => readPresets(ctx.corporaDir),
    'generation:generate': (req) => runGeneration(ctx, running, req),
    'generation:stop': async (req) => {
      const c = running.get(req.requestId)
      c?.abort()
      return c !== undefined
    },
    'generation:distribution': (req) => ctx.host.request('nextDistribution', req)
  }
}
