/** Handlers of the walkthrough feature's channels (src/shared/contract/walkthrough.ts). */
import { join } from 'node:path'
import type { HandlersOf } from '../../shared/contract/channel'
import { type Candidate, MAX_TOKENS, type TokenCheck, type WalkthroughTrace, type walkthroughContract } from '../../shared/contract/walkthrough'
import { AppError } from '../../shared/errors'
import type { CoreContext } from '../context'
import { decoderStartId, listTeachingModels, teachingMeta } from './models'
import { row, stackOf, topK } from './trace'
import { nearestWords, readVocab } from './vocab'

const TOP_K = 10

export function createWalkthroughHandlers(ctx: CoreContext): HandlersOf<typeof walkthroughContract> {
  const { host, modelsDir } = ctx

  /** Tokenises and flags unknown words (word-level vocabularies only have unknowns). */
  async function check(modelId: string, text: string): Promise<TokenCheck> {
    const meta = await teachingMeta(modelsDir, modelId)
    const tokens = await host.request('teachingTokenize', { modelId, text })
    const unknownWords: TokenCheck['unknownWords'] = []
    if (tokens.unknown.some(Boolean)) {
      const vocab = await readVocab(join(modelsDir, modelId))
      const known = new Set(vocab)
      const words = text.split(/\s+|(?=[.?!,])|(?<=[.?!,])/).filter((w) => w && !known.has(w))
      for (const word of new Set(words)) unknownWords.push({ word, suggestions: nearestWords(word, vocab) })
    }
    return { ...tokens, unknownWords, tooLong: tokens.ids.length > MAX_TOKENS[meta.kind] }
  }

  return {
    'walkthrough:models': () => listTeachingModels(modelsDir),
    'walkthrough:check': (req) => check(req.modelId, req.text),
    'walkthrough:run': async (req): Promise<WalkthroughTrace> => {
      const start = performance.now()
      const { modelId, text } = req
      const meta = await teachingMeta(modelsDir, modelId)
      const limit = MAX_TOKENS[meta.kind]
      let srcIds: number[] | undefined
      let tgtIds: number[]
      let translation: WalkthroughTrace['translation'] = null
      if (meta.kind === 'encoder-decoder') {
        const tokens = await check(modelId, text)
        if (tokens.unknownWords.length > 0) throw new AppError('BAD_REQUEST', `The teaching translator does not know: ${tokens.unknownWords.map((u) => u.word).join(', ')}`)
        if (tokens.tooLong) throw new AppError('BAD_REQUEST', `The sentence has ${tokens.ids.length} tokens; the walkthrough shows at most ${limit}.`)
        srcIds = tokens.ids
        const out = await host.request('translate', { modelId, text })
        tgtIds = [await decoderStartId(modelsDir, modelId), ...out.tokenIds].slice(0, limit)
        translation = { text: out.text, ids: out.tokenIds, pieces: [] }
      } else {
        tgtIds = req.ids ?? (await host.request('teachingTokenize', { modelId, text })).ids
        if (tgtIds.length > limit) throw new AppError('BAD_REQUEST', `The text has ${tgtIds.length} tokens; the walkthrough shows at most ${limit}. Shorten it.`)
      }
      const { outputs } = await host.request('runTeachingGraph', { modelId, srcIds, tgtIds })
      const probs = outputs.probs
      const logits = outputs.logits
      if (!probs || !logits) throw new AppError('MODEL_LOAD_FAILED', 'The teaching graph returned no logits/probs')
      const top = tgtIds.map((_, r) => topK(probs, r, TOP_K))
      const needed = [...new Set([...(srcIds ?? []), ...tgtIds, ...(translation?.ids ?? []), ...top.flat()])]
      const { pieces } = await host.request('teachingDecode', { modelId, ids: needed })
      const piece = new Map(needed.map((id, i) => [id, pieces[i] ?? '']))
      const v = meta.vocabSize
      const candidates: Candidate[][] = top.map((ids, r) => ids.map((id) => ({ id, piece: piece.get(id) ?? '', logit: logits.data[r * v + id]!, prob: probs.data[r * v + id]! })))
      if (translation) translation.pieces = translation.ids.map((id) => piece.get(id) ?? '')
      const side = (ids: number[], s: 'enc' | 'dec') => ({ ids, pieces: ids.map((id) => piece.get(id) ?? ''), ...stackOf(outputs, meta, s) })
      return {
        modelId,
        kind: meta.kind,
        positional: meta.kind === 'encoder-decoder' ? 'sinusoidal' : 'learned',
        norm: meta.kind === 'encoder-decoder' ? 'post' : 'pre',
        heads: meta.heads,
        dModel: meta.dModel,
        vocabSize: v,
        maskValue: meta.maskValue,
        text,
        encoder: srcIds ? side(srcIds, 'enc') : null,
        decoder: side(tgtIds, 'dec'),
        candidates,
        nextLogits: row(logits, tgtIds.length - 1),
        translation,
        tookMs: Math.round(performance.now() - start)
      }
    }
  }
}
