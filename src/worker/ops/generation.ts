/** The generation feature's model host ops (types in src/shared/host-ops/generation.ts). */
import { AppError } from '../../shared/errors'
import type { GenerationOps, StopReason, TokenLabel } from '../../shared/host-ops/generation'
import { chooseToken, finalDistribution, mulberry32, topIndices } from '../../shared/sampling'
import { STEP_CANDIDATES, StepBatchWriter } from '../../shared/step-batch'
import { forward, loadGenModel, type GenModel, type KvCache } from '../generation/model'
import type { OpTable } from './table'

const modelsDir = (): string => process.env.LLMX_MODELS_DIR ?? ''

const labelCache = new WeakMap<GenModel, Map<number, string>>()

/** A token's text, decoded once per model (the vocabulary never changes). */
function tokenText(model: GenModel, id: number): string {
  let texts = labelCache.get(model)
  if (!texts) labelCache.set(model, (texts = new Map()))
  let text = texts.get(id)
  if (text === undefined) texts.set(id, (text = model.tokenizer.decode([id])))
  return text
}

/** A token ID with its text. */
function label(model: GenModel, id: number): TokenLabel {
  return { id, text: tokenText(model, id) }
}

export const generationOps: OpTable<GenerationOps> = {
  async generate(args, ctx) {
    const model = await loadGenModel(modelsDir(), args.modelId)
    const promptIds = model.tokenizer.encode(args.prompt, { add_special_tokens: false })
    if (promptIds.length >= model.maxPositions) throw new AppError('BAD_REQUEST', `The prompt has ${promptIds.length} tokens; ${args.modelId} reads at most ${model.maxPositions}. Shorten it.`)
    if (args.stop?.some((s) => s.length === 0)) throw new AppError('BAD_REQUEST', 'A stop sequence is empty: give each one at least one character.')
    const stops = args.stop ?? []
    // The new text so far, from the per-token labels (already decoded): checks the stop sequences cheaply.
    let newText = ''
    const random = mulberry32(args.seed)
    const width = Math.min(STEP_CANDIDATES, model.vocabSize)
    const writer = new StepBatchWriter(width, (id) => tokenText(model, id))
    const newIds: number[] = []
    const start = performance.now()
    let input = promptIds.length > 0 ? promptIds : [model.eosId]
    let cache: KvCache | null = null
    let probs: Float64Array | undefined
    let stopReason: StopReason = 'length'
    // Steps are sent in batches at most one frame (16 ms) apart, the first one too (the UI draws once a
    // frame anyway): each message also wakes the core, on the same busy core. A batch is a few typed
    // arrays (shared/step-batch.ts); 21 objects per step cost the host and the core more than the sampling.
    let lastSent = start
    const flush = (): void => {
      const batch = writer.take()
      if (batch) ctx.progress('token', writer.count, args.maxNewTokens, batch)
      lastSent = performance.now()
    }
    // A cancel message is read between steps: session.run yields to the event loop (onnxruntime-node
    // runs it from setImmediate); we also yield once a frame in case it stops doing so. One more
    // yield per token cost 1–2% of the run.
    let lastYield = performance.now()
    for (let step = 0; step < args.maxNewTokens; step++) {
      if (performance.now() - lastYield >= 16) {
        await new Promise<void>((r) => setImmediate(r))
        lastYield = performance.now()
      }
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
      // only the final distribution, in one buffer for the whole run (no filter on): one softmax and no
      // new 17 kB array per token
      const final = finalDistribution(out.logits, args, (probs ??= new Float64Array(out.logits.length)))
      const chosen = chooseToken({ final }, args.greedy || args.temperature === 0, random)
      writer.add(chosen.id, topIndices(final, width), final)
      if (performance.now() - lastSent >= 16) flush()
      if (chosen.id === model.eosId && !args.ignoreEos) {
        stopReason = 'eos'
        break
      }
      newIds.push(chosen.id)
      if (stops.length > 0) {
        newText += tokenText(model, chosen.id)
        if (stops.some((s) => newText.endsWith(s))) {
          stopReason = 'stop'
          break
        }
      }
      input = [chosen.id]
    }
    // the last batch rides in the reply instead of a message of its own; the core rebuilds the steps
    const tail = writer.take()
    return { text: model.tokenizer.decode(newIds), stepCount: writer.count, tail, promptTokens: promptIds.length, stopReason, tookMs: performance.now() - start }
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
