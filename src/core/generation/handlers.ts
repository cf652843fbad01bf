/** Handlers of the generation feature's channels (src/shared/contract/generation.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { generationContract } from '../../shared/contract/generation'
import type { CoreContext } from '../context'

export function createGenerationHandlers(_ctx: CoreContext): HandlersOf<typeof generationContract> {
  return {}
}
