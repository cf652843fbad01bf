/** Handlers of the embedding-space channels (src/shared/contract/space.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { spaceContract } from '../../shared/contract/space'
import type { CoreContext } from '../context'

export function createSpaceHandlers(_ctx: CoreContext): HandlersOf<typeof spaceContract> {
  return {}
}
