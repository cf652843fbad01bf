/** Handlers of the walkthrough feature's channels (src/shared/contract/walkthrough.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { walkthroughContract } from '../../shared/contract/walkthrough'
import type { CoreContext } from '../context'

export function createWalkthroughHandlers(_ctx: CoreContext): HandlersOf<typeof walkthroughContract> {
  return {}
}
