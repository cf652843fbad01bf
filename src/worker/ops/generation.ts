/** The generation feature's model host ops (types in src/shared/host-ops/generation.ts). */
import { AppError } from '../../shared/errors'
import type { GenerationOps, StopReason, TokenLabel } from '../../shared/host-ops/generation'
import { mulberry32, topIndices } from '../../shared/sampling'
import { STEP_CANDIDATES } from '../../shared/step-batch'
import { forward, loadGenModel, type GenModel, type KvCache } from '../generation/model'
import { StepStream } from '../generation/step-stream'
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
    const steps = new StepStream(Math.min(STEP_CANDIDATES, model.vocabSize), (id) => tokenText(model, id), args, mulberry32(args.seed))
    const newIds: number[] = []
    const start = performance.now()
    let input = promptIds.length > 0 ? promptIds : [model.eosId]
    let cache: KvCache | null = null
    let stopReason: StopReason = 'length'
    // Steps are sent in batches at most one frame (16 ms) apart, the first one too (the UI draws once a
    // frame anyway): each message also wakes the core, on the same busy core. A batch is a few typed
    // arrays (shared/step-batch.ts); 21 objects per step cost the host and the core more than the sampling.
    // Greedy steps get their candidates and probabilities only here, for the whole batch (worker/generation/step-stats.ts).
    let lastSent = start
    const flush = async (): Promise<void> => {
      const batch = await steps.take()
      if (batch) ctx.progress('token', steps.count, args.maxNewTokens, batch)
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
        await flush()
        throw ctx.signal.reason as Error
      }
      if ((cache ? Number(cache[0]!.dims[2]) : 0) + input.length > model.maxPositions) {
        stopReason = 'context'
        break
      }
      const out = await forward(model, input, cache)
      cache = out.cache
      const chosen = steps.choose(out.logits)
      // at most 64 steps wait (their logits rows are kept until then)
      if (performance.now() - lastSent >= 16 || steps.pending >= 64) await flush()
      if (chosen === model.eosId && !args.ignoreEos) {
        stopReason = 'eos'
        break
      }
      newIds.push(chosen)
      if (stops.length > 0) {
        newText += tokenText(model, chosen)
        if (stops.some((s) => newText.endsWith(s))) {
          stopReason = 'stop'
          break
        }
      }
      input = [chosen]
    }
    // the last batch rides in the reply instead of a message of its own; the core rebuilds the steps
    const tail = await steps.take()
    return { text: model.tokenizer.decode(newIds), stepCount: steps.count, tail, promptTokens: promptIds.length, stopReason, tookMs: performance.now() - start }
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
