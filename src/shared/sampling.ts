/**
 * Next-token sampling maths, pure and shared: the model host samples with it and the renderer
 * draws the very same distributions with it, so what the chart shows is what is sampled.
 *
 * Order of operations (as in Hugging Face `generate`): logits → softmax with temperature →
 * top-k → top-p → draw. Every distribution is a Float64Array over the vocabulary, summing to 1.
 */

/** The sampling controls. `topK = 0` and `topP = 1` switch that filter off; `temperature = 0` means greedy. */
export interface SamplingOptions {
  /** ≥ 0. Logits are divided by it before the softmax; 0 puts all mass on the argmax. */
  temperature: number
  /** Keep only the k most probable tokens; 0 (or k ≥ vocabulary size) keeps all. */
  topK: number
  /** Keep the smallest set of most probable tokens whose mass reaches p (nucleus sampling, Holtzman et al. 2019); in (0, 1]. */
  topP: number
}

/** The distribution after each control, for drawing "before and after". All have the vocabulary's length. */
export interface DistributionStages {
  /** softmax(logits), temperature 1 */
  raw: Float64Array
  afterTemperature: Float64Array
  afterTopK: Float64Array
  /** The distribution that is sampled from. */
  final: Float64Array
}

/** @throws RangeError for options outside their ranges (never a silent wrong answer). */
export function checkOptions(o: SamplingOptions): void {
  if (!(o.temperature >= 0) || !Number.isFinite(o.temperature)) throw new RangeError(`temperature must be ≥ 0, got ${o.temperature}`)
  if (!Number.isInteger(o.topK) || o.topK < 0) throw new RangeError(`topK must be an integer ≥ 0, got ${o.topK}`)
  if (!(o.topP > 0 && o.topP <= 1)) throw new RangeError(`topP must be in (0, 1], got ${o.topP}`)
}

/**
 * Index of the largest value; ties go to the lowest index, and all -Infinity gives 0. -1 for an
 * empty array or when a value is NaN (one pass: the model host runs this once per generated token).
 */
export function argmax(values: ArrayLike<number>): number {
  if (values.length === 0) return -1
  let best = 0
  let bestValue = -Infinity
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (v > bestValue) {
      bestValue = v
      best = i
    } else if (v !== v) return -1 // NaN
  }
  return best
}

/**
 * softmax(logits / T), computed stably (the max is subtracted first).
 * T = 0 is the limit T → 0⁺: probability 1 on the argmax (lowest index on ties). Logits of -Infinity get 0.
 * @param logits [vocab]
 * @param into where to write the result (every entry is overwritten); a new array if omitted
 * @throws RangeError for an empty vector, a negative temperature, a NaN logit or an `into` of
 *   another length
 */
export function softmax(logits: ArrayLike<number>, temperature = 1, into?: Float64Array): Float64Array {
  if (logits.length === 0) throw new RangeError('softmax of an empty vector')
  if (!(temperature >= 0)) throw new RangeError(`temperature must be ≥ 0, got ${temperature}`)
  if (into && into.length !== logits.length) throw new RangeError(`softmax output has ${into.length} entries for ${logits.length} logits`)
  const out = into ?? new Float64Array(logits.length)
  const top = argmax(logits)
  if (top < 0) throw new RangeError(`logit ${Array.prototype.findIndex.call(logits, (v: number) => Number.isNaN(v))} is NaN`)
  const max = logits[top]!
  if (temperature === 0 || max === Infinity || max === -Infinity) {
    out.fill(0)
    out[top] = 1
    return out
  }
  let sum = 0
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp((logits[i]! - max) / temperature)
    out[i] = e
    sum += e
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum
  return out
}

/** Token indices ordered by probability, highest first; ties keep the lower index first (stable). */
export function rankTokens(probs: ArrayLike<number>): number[] {
  const idx = Array.from({ length: probs.length }, (_, i) => i)
  return idx.sort((a, b) => probs[b]! - probs[a]! || a - b)
}

/**
 * The `n` indices with the largest values, largest first, ties to the lower index — the same order
 * as `rankTokens(values).slice(0, n)` in O(vocab · n) instead of a full sort (n is small: 20, 100).
 */
export function topIndices(values: ArrayLike<number>, n: number): number[] {
  const size = Math.max(0, Math.min(n, values.length))
  // the kept indices and their values, largest first (typed arrays: the host calls this per token)
  const ids = new Int32Array(size)
  const kept = new Float64Array(size)
  let count = 0
  let floor = -Infinity // the smallest kept value once full
  for (let i = 0; i < values.length && size > 0; i++) {
    const v = values[i]!
    if (count === size && !(v > floor)) continue
    let j = count === size ? size - 1 : count++
    while (j > 0 && v > kept[j - 1]!) {
      ids[j] = ids[j - 1]!
      kept[j] = kept[j - 1]!
      j--
    }
    ids[j] = i
    kept[j] = v
    if (count === size) floor = kept[size - 1]!
  }
  return Array.from(ids.subarray(0, count))
}

function renormalised(probs: ArrayLike<number>, keep: number[]): Float64Array {
  const out = new Float64Array(probs.length)
  let sum = 0
  for (const i of keep) sum += probs[i]!
  for (const i of keep) out[i] = probs[i]! / sum
  return out
}

/**
 * Keeps the k most probable tokens and renormalises. k = 0 or k ≥ vocabulary size: unchanged copy.
 * On a tie at the k-th place the lower token index is kept, so exactly k tokens remain.
 */
export function topKFilter(probs: ArrayLike<number>, k: number): Float64Array {
  if (k <= 0 || k >= probs.length) return Float64Array.from(probs)
  return renormalised(probs, k <= 256 ? topIndices(probs, k) : rankTokens(probs).slice(0, k))
}

/**
 * Nucleus filter: keeps the smallest prefix of tokens (most probable first) whose total
 * probability is ≥ p, at least one token, then renormalises. p = 1 keeps every token.
 * Source: Holtzman et al., "The Curious Case of Neural Text Degeneration", ICLR 2020.
 */
export function topPFilter(probs: ArrayLike<number>, p: number): Float64Array {
  if (p >= 1) return Float64Array.from(probs)
  // Most nuclei are small: try the top 64 first, rank the whole vocabulary only if needed.
  const head = topIndices(probs, 64)
  const order = head.reduce((m, i) => m + probs[i]!, 0) >= p ? head : rankTokens(probs)
  const keep: number[] = []
  let mass = 0
  for (const i of order) {
    keep.push(i)
    mass += probs[i]!
    if (mass >= p) break
  }
  return renormalised(probs, keep)
}

/** Top-k then top-p on a temperature-scaled distribution; a filter that is off passes its input through. */
function filterStages(afterTemperature: Float64Array, options: SamplingOptions): { afterTopK: Float64Array; final: Float64Array } {
  const afterTopK = options.topK > 0 && options.topK < afterTemperature.length ? topKFilter(afterTemperature, options.topK) : afterTemperature
  return { afterTopK, final: options.topP < 1 ? topPFilter(afterTopK, options.topP) : afterTopK }
}

/** All four stages for `logits` [vocab] under `options`. @throws RangeError as {@link checkOptions}. */
export function distributionStages(logits: ArrayLike<number>, options: SamplingOptions): DistributionStages {
  checkOptions(options)
  const raw = softmax(logits, 1)
  const afterTemperature = options.temperature === 1 ? raw : softmax(logits, options.temperature)
  // stages may share one array; none is mutated
  return { raw, afterTemperature, ...filterStages(afterTemperature, options) }
}

/**
 * The distribution that is sampled from, `distributionStages(logits, options).final`, without the
 * other stages: the model host needs only this one, once per generated token (at T ≠ 1 the stages
 * cost a second softmax). With no filter on, it is written into `into` (reused across tokens).
 * @throws RangeError as {@link checkOptions} and {@link softmax}
 */
export function finalDistribution(logits: ArrayLike<number>, options: SamplingOptions, into?: Float64Array): Float64Array {
  checkOptions(options)
  return filterStages(softmax(logits, options.temperature, into), options).final
}

/**
 * mulberry32: a 32-bit seeded PRNG returning floats in [0, 1).
 * Source: Tommy Ettinger, public domain (gist tommyettinger/46a874533244883189143505d203312c),
 * as popularised in bryc's "PRNGs for JavaScript" notes. Same seed → same sequence on every platform.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Draws one index from `probs` by inverse CDF with `u` ∈ [0, 1). Zero-probability tokens are
 * never drawn, even when rounding leaves the cumulative sum a little below 1.
 */
export function sampleIndex(probs: ArrayLike<number>, u: number): number {
  let cumulative = 0
  let last = -1
  for (let i = 0; i < probs.length; i++) {
    if (probs[i]! <= 0) continue
    cumulative += probs[i]!
    last = i
    if (u < cumulative) return i
  }
  if (last < 0) throw new RangeError('cannot sample from a distribution with no mass')
  return last
}

/**
 * Picks the next token: the argmax of the final distribution when `greedy` or T = 0, else a draw
 * from it with `random()`. Returns the token index and its probability under the final distribution.
 */
export function chooseToken(stages: Pick<DistributionStages, 'final'>, greedy: boolean, random: () => number): { id: number; prob: number } {
  const id = greedy ? argmax(stages.final) : sampleIndex(stages.final, random())
  return { id, prob: stages.final[id]! }
}
