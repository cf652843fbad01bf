/** Handlers of the lessons feature's channels (src/shared/contract/lessons.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { lessonsContract } from '../../shared/contract/lessons'
import type { CoreContext } from '../context'

export function createLessonsHandlers(_ctx: CoreContext): HandlersOf<typeof lessonsContract> {
  return {}
}
