/**
 * The compact form in which the model host streams generated steps to the core (progress `data` of
 * the host op 'generate'). One GeneratedStep is 21 objects (the chosen token and 20 candidates);
 * sent as objects, the host's encoding and the core's decoding of them took more time per 50 tokens
 * than the streaming was worth, on the same busy core. Here a batch is a few typed arrays (the host
 * transport clones them as raw bytes) plus the text of each token ID the first time a run uses it.
 * The core turns batches back into GeneratedStep objects ({@link StepReader}); the renderer's
 * 'generation:token' events and results keep their shape. The run's last batch travels inside the
 * host's reply rather than as one more message. Measured in BENCHMARKS.md (issue 4).
 */
import { AppError } from './errors'
import type { Candidate, GenerateSummary, GeneratedStep, StepBatch } from './host-ops/generation'
import type { StepChoice } from './step-choice'

/** Candidates streamed per step: the 20 tokens with the highest logits (fewer for a smaller vocabulary). */
export const STEP_CANDIDATES = 20

/** Host side: collects steps and hands them out as {@link StepBatch}es, each token's text sent once per run. */
export class StepBatchWriter {
  private readonly sent = new Set<number>()
  private first = 0
  private ids: number[] = []
  private probs: number[] = []
  private candidateIds: number[] = []
  private candidateProbs: number[] = []
  private textIds: number[] = []
  private texts: string[] = []

  /**
   * @param width candidates per step (every `add` passes exactly this many)
   * @param text the text of a token ID (called once per ID and run)
   */
  constructor(
    private readonly width: number,
    private readonly text: (id: number) => string
  ) {}

  /** Steps added so far (in every batch taken and the one pending). */
  get count(): number {
    return this.first + this.ids.length
  }

  /**
   * Adds one step: the chosen token and its candidates, with their probabilities.
   * @throws RangeError if the step does not have `width` candidates, each with a probability
   */
  add(step: StepChoice): void {
    const { candidateIds, candidateProbs } = step
    if (candidateIds.length !== this.width || candidateProbs.length !== this.width) {
      throw new RangeError(`expected ${this.width} candidates, got ${candidateIds.length} with ${candidateProbs.length} probabilities`)
    }
    this.ids.push(step.id)
    this.probs.push(step.prob)
    this.label(step.id)
    for (let c = 0; c < this.width; c++) {
      this.candidateIds.push(candidateIds[c]!)
      this.candidateProbs.push(candidateProbs[c]!)
      this.label(candidateIds[c]!)
    }
  }

  /** The pending steps as one batch (null if there are none); the next batch starts after them. */
  take(): StepBatch | null {
    if (this.ids.length === 0) return null
    const batch: StepBatch = {
      first: this.first,
      width: this.width,
      ids: Int32Array.from(this.ids),
      probs: Float64Array.from(this.probs),
      candidateIds: Int32Array.from(this.candidateIds),
      candidateProbs: Float64Array.from(this.candidateProbs),
      textIds: Int32Array.from(this.textIds),
      texts: this.texts
    }
    this.first += this.ids.length
    this.ids = []
    this.probs = []
    this.candidateIds = []
    this.candidateProbs = []
    this.textIds = []
    this.texts = []
    return batch
  }

  private label(id: number): void {
    if (this.sent.has(id)) return
    this.sent.add(id)
    this.textIds.push(id)
    this.texts.push(this.text(id))
  }
}

const malformed = (why: string): AppError => new AppError('INTERNAL', `The model host sent a malformed step batch: ${why}.`)

/** Checks that `value` has the shape of a {@link StepBatch} with consistent lengths. */
function checkBatch(value: unknown): StepBatch {
  if (value === null || typeof value !== 'object') throw malformed('not an object')
  const b = value as Partial<StepBatch>
  if (!Number.isInteger(b.first) || !Number.isInteger(b.width) || b.width! < 1) throw malformed('first and width must be integers, width ≥ 1')
  if (!(b.ids instanceof Int32Array && b.candidateIds instanceof Int32Array && b.textIds instanceof Int32Array)) throw malformed('ids, candidateIds and textIds must be Int32Arrays')
  if (!(b.probs instanceof Float64Array && b.candidateProbs instanceof Float64Array)) throw malformed('probs and candidateProbs must be Float64Arrays')
  if (!Array.isArray(b.texts) || b.texts.length !== b.textIds.length) throw malformed('texts must be an array as long as textIds')
  const n = b.ids.length
  if (b.probs.length !== n || b.candidateIds.length !== n * b.width! || b.candidateProbs.length !== n * b.width!) {
    throw malformed(`${n} steps of ${b.width} candidates need probs [${n}] and candidates [${n * b.width!}], got ${b.probs.length} and ${b.candidateIds.length}/${b.candidateProbs.length}`)
  }
  return b as StepBatch
}

/** Core side: turns the batches of one host run back into GeneratedStep objects, in order. */
export class StepReader {
  private readonly texts = new Map<number, string>()
  private next = 0

  /** @param offset added to every step index (a ReAct segment numbers its steps on from the earlier ones) */
  constructor(private readonly offset = 0) {}

  /** Steps read so far. */
  get count(): number {
    return this.next
  }

  /**
   * Decodes the next batch of the run.
   * @returns its steps, numbered from `offset + batch.first`
   * @throws AppError INTERNAL if `data` is not a StepBatch, does not follow the previous batch, or
   *   uses a token ID whose text was never sent
   */
  read(data: unknown): GeneratedStep[] {
    const b = checkBatch(data)
    if (b.first !== this.next) throw malformed(`expected step ${this.next} next, got ${b.first}`)
    for (let i = 0; i < b.textIds.length; i++) this.texts.set(b.textIds[i]!, b.texts[i]!)
    const steps: GeneratedStep[] = new Array<GeneratedStep>(b.ids.length)
    for (let s = 0; s < b.ids.length; s++) {
      const candidates: Candidate[] = new Array<Candidate>(b.width)
      for (let c = 0, k = s * b.width; c < b.width; c++, k++) candidates[c] = this.candidate(b.candidateIds[k]!, b.candidateProbs[k]!)
      steps[s] = { step: this.offset + b.first + s, token: this.candidate(b.ids[s]!, b.probs[s]!), candidates }
    }
    this.next += b.ids.length
    return steps
  }

  /**
   * Reads the batch that came with the host's reply (null if none) and checks that all `stepCount`
   * steps of the run have arrived.
   * @returns the steps of that last batch
   * @throws AppError INTERNAL as {@link read}, or if steps are missing
   */
  finish(summary: Pick<GenerateSummary, 'stepCount' | 'tail'>): GeneratedStep[] {
    const steps = summary.tail ? this.read(summary.tail) : []
    if (this.next !== summary.stepCount) throw new AppError('INTERNAL', `The model host generated ${summary.stepCount} tokens but sent ${this.next}.`)
    return steps
  }

  private candidate(id: number, prob: number): Candidate {
    const text = this.texts.get(id)
    if (text === undefined) throw malformed(`no text was sent for token ${id}`)
    return { id, text, prob }
  }
}
