/** Handlers of the library feature's channels (src/shared/contract/library.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { libraryContract } from '../../shared/contract/library'
import type { CoreContext } from '../context'

export function createLibraryHandlers(_ctx: CoreContext): HandlersOf<typeof libraryContract> {
  return {}
}
