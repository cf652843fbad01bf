/**
 * A run's generated steps on their way to the core: each step's token is chosen at once (the next
 * forward pass needs it), its candidates and probabilities may wait for the next batch. Greedy
 * steps with no filter go through {@link GreedyStepBatch} (one onnxruntime run per batch); the
 * others through shared/step-choice.ts at once. Batches come out in step order either way.
 */
import type { StepBatch } from '../../shared/host-ops/generation'
import { StepBatchWriter } from '../../shared/step-batch'
import { checkOptions } from '../../shared/sampling'
import { chooseStep, type StepChoice, type StepOptions } from '../../shared/step-choice'
import { finiteArgmax, GreedyStepBatch } from './step-stats'

export class StepStream {
  private readonly writer: StepBatchWriter
  private readonly greedy: GreedyStepBatch | null
  /** Steps not yet written, in order: a choice made at once, or null for the greedy batch's next one. */
  private queue: (StepChoice | null)[] = []
  private scratch: Float64Array | undefined

  /**
   * @param width candidates per step (at most the vocabulary size)
   * @param text a token ID's text (sent once per ID and run)
   * @param options sampling controls of the run
   * @param random the run's seeded draws (not used by greedy steps)
   * @throws RangeError for sampling options out of range (shared/sampling.ts `checkOptions`)
   */
  constructor(
    private readonly width: number,
    text: (id: number) => string,
    private readonly options: StepOptions,
    private readonly random: () => number
  ) {
    checkOptions(options)
    this.writer = new StepBatchWriter(width, text)
    // topK ≥ vocabulary size is off too, but rare: it takes the slower, equally exact path
    const batchable = options.greedy && options.temperature > 0 && options.topK === 0 && options.topP === 1
    this.greedy = batchable ? new GreedyStepBatch(width, options.temperature) : null
  }

  /** Steps chosen so far (sent or not). */
  get count(): number {
    return this.writer.count + this.queue.length
  }

  /** Steps chosen and not yet taken. */
  get pending(): number {
    return this.queue.length
  }

  /**
   * Chooses the next token from this step's logits [vocab] (kept until the next take: do not reuse).
   * @returns its token ID
   * @throws RangeError for a NaN logit or bad sampling options (shared/sampling.ts)
   */
  choose(logits: Float32Array): number {
    if (this.greedy) {
      const id = finiteArgmax(logits)
      if (id >= 0) {
        this.greedy.add(id, logits)
        this.queue.push(null)
        return id
      }
    }
    const step = chooseStep(logits, this.options, this.width, this.random, (this.scratch ??= new Float64Array(logits.length)))
    this.queue.push(step)
    return step.id
  }

  /** The steps chosen since the last take as one batch (null if none). */
  async take(): Promise<StepBatch | null> {
    const batched = this.greedy ? await this.greedy.take() : []
    let next = 0
    for (const step of this.queue) this.writer.add(step ?? batched[next++]!)
    this.queue = []
    return this.writer.take()
  }
}
