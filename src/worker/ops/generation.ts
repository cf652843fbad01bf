/** The generation feature's model host ops (types in src/shared/host-ops/generation.ts). */
import { AppError } from '../../shared/errors'
import type { Candidate, GeneratedStep, GenerationOps, StopReason, TokenLabel } from '../../shared/host-ops/generation'
import { chooseToken, distributionStages, mulberry32, topIndices } from '../../shared/sampling'
import { forward, loadGenModel, type GenModel, type KvCache } from '../generation/model'
import type { OpTable } from './table'

const modelsDir = (): string => process.env.LLMX_MODELS_DIR ?? ''

const labelCache = new WeakMap<GenModel, Map<number, string>>()

/** A token ID with its text, decoded once per model (the vocabulary never changes). */
function label(model: GenModel, id: number): TokenLabel {
  let texts = labelCache.get(model)
  if (!texts) labelCache.set(model, (texts = new Map()))
  let text = texts.get(id)
  if (text === undefined) texts.set(id, (text = model.tokenizer.decode([id])))
  return { id, text }
}

/** The n most probable tokens of `probs`, with their texts. */
function topCandidates(model: GenModel, probs: Float64Array, n: number): Candidate[] {
  return topIndices(probs, n)
    .map((id) => ({ ...label(model, id), prob: probs[id]! }))
}

export const generationOps: OpTable<GenerationOps> = {
  async generate(args, ctx) {
    const model = await loadGenModel(modelsDir(), args.modelId)
    const promptIds = model.tokenizer.encode(args.prompt, { add_special_tokens: false })
    if (promptIds.length >= model.maxPositions) throw new AppError('BAD_REQUEST', `The prompt has ${promptIds.length} tokens; ${args.modelId} reads at most ${model.maxPositions}. Shorten it.`)
    const random = mulberry32(args.seed)
    const steps: GeneratedStep[] = []
    const newIds: number[] = []
    const start = performance.now()
    let input = promptIds.length > 0 ? promptIds : [model.eosId]
    let cache: KvCache | null = null
    let stopReason: StopReason = 'length'
    // Steps are sent in batches at most one frame (16 ms) apart: one message per token would cost
    // more than the tiny model's forward pass when the cores are busy.
    let batch: GeneratedStep[] = []
    let lastSent = -Infinity
    const flush = (): void => {
      if (batch.length > 0) ctx.progress('token', steps.length, args.maxNewTokens, batch)
      batch = []
      lastSent = performance.now()
    }
    for (let step = 0; step < args.maxNewTokens; step++) {
      // Let the host read a cancel message between steps (session.run may finish without yielding).
      await new Promise<void>((r) => setImmediate(r))
      if (ctx.signal.aborted) {
        flush()
        throw ctx.signal.reason as Error
      }
      if ((cache ? Number(cache[0]!.dims[2]) : 0) + input.length > model.maxPositions) {
        stopReason = 'context'
        break
      }
      const out = await forward(model, input, cache)
      cache = out.cache
      const stages = distributionStages(out.logits, args)
      const chosen = chooseToken(stages, args.greedy || args.temperature === 0, random)
      const record: GeneratedStep = { step, token: { ...label(model, chosen.id), prob: chosen.prob }, candidates: topCandidates(model, stages.final, 20) }
      steps.push(record)
      batch.push(record)
      if (performance.now() - lastSent >= 16) flush()
      if (chosen.id === model.eosId && !args.ignoreEos) {
        stopReason = 'eos'
        break
      }
      newIds.push(chosen.id)
      input = [chosen.id]
    }
    flush()
    return { text: model.tokenizer.decode(newIds), steps, promptTokens: promptIds.length, stopReason, tookMs: performance.now() - start }
  },

  async nextDistribution(args) {
    const model = await loadGenModel(modelsDir(), args.modelId)
    const ids = [...model.tokenizer.encode(args.prompt, { add_special_tokens: false }), ...args.appendIds]
    const context = ids.map((id) => label(model, id))
    const tail = ids.slice(-model.maxPositions)
    const { logits } = await forward(model, tail.length > 0 ? tail : [model.eosId], null)
    const labels = topIndices(logits, 100)
      .map((id) => label(model, id))
    return { logits, labels, context, eosId: model.eosId }
  }
}
