/**
 * Greedy steps' candidates and probabilities, computed per streamed batch by onnxruntime instead of
 * per token in JavaScript. A greedy step needs only its argmax to go on; the softmax normaliser
 * (2,153 `Math.exp` calls per token for toy-chat, the host's largest cost after the model itself)
 * and the top 20 are needed only when the batch is sent, at most once a frame. The graph
 * (tools/models/ops/step_stats.py) does both for all pending steps in one run: the normaliser in
 * float64 from (logit − max) / T as shared/sampling.ts `softmax` computes it, TopK on the float32
 * logits. The probabilities match `softmax` to ~1e-15 (tests/unit/generation/step-stats.test.ts).
 */
import * as ort from 'onnxruntime-node'
import { argmax } from '../../shared/sampling'
import type { StepChoice } from '../../shared/step-choice'
import { STEP_STATS_GRAPH } from './step-stats-graph'

let session: Promise<ort.InferenceSession> | null = null

/** The graph's session, created once per host process (one thread, like the models); a failed creation is tried again next time. */
function statsSession(): Promise<ort.InferenceSession> {
  session ??= ort.InferenceSession.create(Buffer.from(STEP_STATS_GRAPH, 'base64'), { intraOpNumThreads: 1, interOpNumThreads: 1 }).catch((err: unknown) => {
    session = null
    throw err
  })
  return session
}

/**
 * Index of the largest logit (lowest index on ties), or -1 when a logit is NaN or the largest is
 * infinite: those steps go through shared/step-choice.ts, which reports or handles them.
 * @param logits [vocab]
 */
export function finiteArgmax(logits: ArrayLike<number>): number {
  const best = argmax(logits)
  return best >= 0 && Number.isFinite(logits[best]!) ? best : -1
}

/** Pending greedy steps of one run: their chosen token IDs and logits rows, until {@link take}. */
export class GreedyStepBatch {
  private ids: number[] = []
  private rows: Float32Array[] = []

  /**
   * @param width candidates per step (at most the vocabulary size)
   * @param temperature > 0; probabilities are those of softmax(logits / temperature)
   */
  constructor(
    private readonly width: number,
    private readonly temperature: number
  ) {}

  /** Steps waiting for {@link take}. */
  get size(): number {
    return this.ids.length
  }

  /**
   * Adds a step whose token is `id`, the argmax of `logits` ({@link finiteArgmax}).
   * @param logits [vocab]; kept (not copied) until the next take, so it must not be reused
   */
  add(id: number, logits: Float32Array): void {
    this.ids.push(id)
    this.rows.push(logits)
  }

  /**
   * The pending steps as StepChoices, in order, computed in one run of the graph; empties the batch.
   * @throws Error from onnxruntime if the graph cannot run (not expected: its inputs are built here)
   */
  async take(): Promise<StepChoice[]> {
    const n = this.ids.length
    if (n === 0) return []
    const vocab = this.rows[0]!.length
    const all = new Float32Array(n * vocab)
    this.rows.forEach((row, r) => all.set(row, r * vocab))
    const out = await (await statsSession()).run({
      logits: new ort.Tensor('float32', all, [n, vocab]),
      temperature: new ort.Tensor('float64', Float64Array.of(this.temperature), [1]),
      k: new ort.Tensor('int64', BigInt64Array.of(BigInt(this.width)), [1])
    })
    const logSumExp = out.logsumexp!.data as Float64Array
    const topLogits = out.top_logits!.data as Float32Array
    const topIds = out.top_ids!.data as BigInt64Array
    const t = this.temperature
    const steps = this.ids.map((id, r): StepChoice => {
      // softmax's terms: exp((logit − max) / T), over the normaliser; the chosen token is the argmax
      const max = this.rows[r]![id]!
      const candidateIds = new Array<number>(this.width)
      const candidateProbs = new Array<number>(this.width)
      for (let c = 0, k = r * this.width; c < this.width; c++, k++) {
        candidateIds[c] = Number(topIds[k])
        candidateProbs[c] = Math.exp((topLogits[k]! - max) / t - logSumExp[r]!)
      }
      return { id, prob: Math.exp(-logSumExp[r]!), candidateIds, candidateProbs }
    })
    this.ids = []
    this.rows = []
    return steps
  }
}
