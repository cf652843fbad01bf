/** The tokenizer feature's model host ops (types in src/shared/host-ops/tokenizer.ts). */
import { toWireError } from '../../shared/errors'
import type { TokenizeResult, TokenizerId, TokenizerOps } from '../../shared/host-ops/tokenizer'
import { loadTokenizer } from '../tokenizer/adapters'
import type { OpTable } from './table'

const modelsDir = (): string => process.env.LLMX_MODELS_DIR ?? ''

export const tokenizerOps: OpTable<TokenizerOps> = {
  // One tokenizer that cannot load (e.g. no embedding model installed) must not hide the others.
  async tokenize(args, ctx) {
    const out: TokenizeResult[] = []
    for (const [i, id] of args.tokenizers.entries()) {
      ctx.progress('tokenize', i, args.tokenizers.length)
      try {
        const tk = await loadTokenizer(id, modelsDir())
        out.push({ info: tk.info, tokens: tk.encode(args.text, args.addSpecial).map((t) => tk.describe(t)) })
      } catch (err) {
        const info = { id, source: '', algorithm: '', pretokenizer: '', byteLevel: false, vocabSize: 0, specials: [] }
        out.push({ info, tokens: [], error: toWireError(err) })
      }
    }
    return out
  },
  async countTokens(args, ctx) {
    const counts = {} as Record<TokenizerId, number[]>
    const sources = {} as Record<TokenizerId, string>
    for (const [i, id] of args.tokenizers.entries()) {
      ctx.progress('countTokens', i, args.tokenizers.length)
      try {
        const tk = await loadTokenizer(id, modelsDir())
        counts[id] = args.texts.map((text) => tk.encode(text, false).length)
        sources[id] = tk.info.source
      } catch {
        // left out: the comparison shows "—" for a tokenizer that cannot load
      }
    }
    return { counts, sources }
  }
}
