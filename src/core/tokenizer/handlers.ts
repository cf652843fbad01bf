/** Handlers of the tokenizer lab's channels (src/shared/contract/tokenizer.ts): tokenizing runs in the model host. */
import type { HandlersOf } from '../../shared/contract/channel'
import type { tokenizerContract } from '../../shared/contract/tokenizer'
import { TOKENIZER_IDS } from '../../shared/host-ops/tokenizer'
import type { CoreContext } from '../context'
import { compareLanguages } from './compare'

export function createTokenizerHandlers(ctx: CoreContext): HandlersOf<typeof tokenizerContract> {
  return {
    'tokenizer:tokenize': (req) => ctx.host.request('tokenize', { text: req.text, tokenizers: req.tokenizers, addSpecial: req.addSpecial }),
    'tokenizer:compare': () => compareLanguages(ctx, [...TOKENIZER_IDS])
  }
}
