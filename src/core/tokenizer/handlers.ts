/** Handlers of the tokenizer feature's channels (src/shared/contract/tokenizer.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { tokenizerContract } from '../../shared/contract/tokenizer'
import type { CoreContext } from '../context'

export function createTokenizerHandlers(_ctx: CoreContext): HandlersOf<typeof tokenizerContract> {
  return {}
}
