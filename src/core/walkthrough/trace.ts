/**
 * Turns a teaching graph's named outputs into a {@link WalkthroughTrace}-shaped structure.
 * Two naming schemes exist (see each model's teaching/outputs.json):
 *  - translator: `src.embed`, `enc.{i}.self.{q,k,v,scores,weights,context,out,norm}`, `enc.{i}.ffn.{hidden,out}`,
 *    `enc.{i}.out`, `tgt.*`, `dec.{i}.{self,cross}.*`, `logits`, `probs`;
 *  - toy GPT: `embed.{tok,pos,sum}`, `blk.{i}.attn.{q,k,v,scores,weights,out}`, `blk.{i}.resid_mid`,
 *    `blk.{i}.mlp.out`, `blk.{i}.resid`, `logits`, `probs`.
 * Tensors are passed through untouched: nothing is recomputed here.
 */
import { AppError } from '../../shared/errors'
import type { AttentionTrace, LayerTrace, TeachingMeta, TeachingTensor } from '../../shared/contract/walkthrough'

type Outputs = Record<string, TeachingTensor>

function need(o: Outputs, name: string): TeachingTensor {
  const t = o[name]
  if (!t) throw new AppError('MODEL_LOAD_FAILED', `The teaching graph has no output "${name}"`)
  return { ...t, name }
}

/** An optional output, named. */
function opt(o: Outputs, name: string): TeachingTensor | null {
  return o[name] ? need(o, name) : null
}

function attention(o: Outputs, p: string, residual: string): AttentionTrace {
  return {
    q: need(o, `${p}.q`),
    k: need(o, `${p}.k`),
    v: need(o, `${p}.v`),
    scores: need(o, `${p}.scores`),
    weights: need(o, `${p}.weights`),
    context: opt(o, `${p}.context`),
    out: need(o, `${p}.out`),
    residual: need(o, residual)
  }
}

/** The tensors of one stack (no ids or pieces yet). */
export interface StackTensors {
  embed: TeachingTensor
  pos: TeachingTensor
  input: TeachingTensor
  layers: LayerTrace[]
}

/** Encoder (`side = 'enc'`) or decoder (`'dec'`) of the translator's graph. */
export function translatorStack(o: Outputs, side: 'enc' | 'dec', layers: number): StackTensors {
  const prefix = side === 'enc' ? 'src' : 'tgt'
  return {
    embed: need(o, `${prefix}.embed`),
    pos: need(o, `${prefix}.pos`),
    input: need(o, `${side}.input`),
    layers: Array.from({ length: layers }, (_, i) => ({
      self: attention(o, `${side}.${i}.self`, `${side}.${i}.self.norm`),
      cross: side === 'dec' ? attention(o, `${side}.${i}.cross`, `${side}.${i}.cross.norm`) : null,
      ffnHidden: opt(o, `${side}.${i}.ffn.hidden`),
      ffnOut: need(o, `${side}.${i}.ffn.out`),
      out: need(o, `${side}.${i}.out`)
    }))
  }
}

/** The toy GPT's graph (pre-norm GPT-2 blocks). */
export function gptStack(o: Outputs, layers: number): StackTensors {
  return {
    embed: need(o, 'embed.tok'),
    pos: need(o, 'embed.pos'),
    input: need(o, 'embed.sum'),
    layers: Array.from({ length: layers }, (_, i) => ({
      self: attention(o, `blk.${i}.attn`, `blk.${i}.resid_mid`),
      cross: null,
      ffnHidden: null,
      ffnOut: need(o, `blk.${i}.mlp.out`),
      out: need(o, `blk.${i}.resid`)
    }))
  }
}

/** The stack of either graph. */
export function stackOf(o: Outputs, meta: TeachingMeta, side: 'enc' | 'dec'): StackTensors {
  return meta.kind === 'encoder-decoder' ? translatorStack(o, side, side === 'enc' ? meta.layers.encoder : meta.layers.decoder) : gptStack(o, meta.layers.decoder)
}

/**
 * Indices of the `k` largest values of row `row` of a [T, V] tensor, largest first.
 * @throws AppError INTERNAL if the row is out of range
 */
export function topK(t: TeachingTensor, row: number, k: number): number[] {
  const v = t.dims[1] ?? 0
  if (row < 0 || row >= (t.dims[0] ?? 0)) throw new AppError('INTERNAL', `topK: row ${row} outside [0, ${t.dims[0]})`)
  const best: number[] = []
  for (let j = 0; j < v; j++) {
    const x = t.data[row * v + j]!
    if (best.length < k || x > t.data[row * v + best[best.length - 1]!]!) {
      let at = best.length
      while (at > 0 && t.data[row * v + best[at - 1]!]! < x) at--
      best.splice(at, 0, j)
      if (best.length > k) best.pop()
    }
  }
  return best
}

/** Row `row` of a [T, V] tensor as a fresh array. */
export function row(t: TeachingTensor, r: number): Float32Array {
  const v = t.dims[1] ?? 0
  return t.data.slice(r * v, (r + 1) * v)
}
