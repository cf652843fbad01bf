// The walkthrough's step lists, deep links and tensor views (pure renderer logic).
import { describe, expect, it } from 'vitest'
import type { WalkthroughTrace } from '@shared/contract/walkthrough'
import { ANCHORS, buildSteps, modeForAnchor, stepForAnchor } from '../../../src/renderer/src/features/walkthrough/steps'
import { crop, fmt, headMatrix } from '../../../src/renderer/src/features/walkthrough/tensor'

const fakeTrace = (kind: WalkthroughTrace['kind'], decoderLength: number): WalkthroughTrace =>
  ({ kind, decoder: { ids: Array.from({ length: decoderLength }, (_, i) => i) } }) as unknown as WalkthroughTrace

describe('walkthrough steps', () => {
  it('encoder–decoder: input, encoder, decoder, softmax, one loop step per decoder position, compare', () => {
    const steps = buildSteps('encoder-decoder', fakeTrace('encoder-decoder', 7))
    expect(steps.map((s) => s.key)).toEqual([
      'tokenize', 'embedding', 'positional', 'enc-qkv', 'enc-scores', 'enc-weights', 'enc-output', 'enc-ffn', 'enc-stack',
      'dec-start', 'dec-masked', 'dec-cross', 'dec-ffn', 'softmax',
      'loop-0', 'loop-1', 'loop-2', 'loop-3', 'loop-4', 'loop-5', 'loop-6', 'compare'
    ])
    expect(steps.at(-2)!.text).toBe('loop-end')
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length)
  })

  it('decoder-only keeps no encoder and no cross-attention and ends in sampling', () => {
    const steps = buildSteps('decoder-only', null)
    expect(steps.some((s) => s.block === 'cross' || s.stack === 'encoder')).toBe(false)
    expect(steps.at(-2)!.scene).toBe('sampling')
  })

  it('every deep-link id opens a step in the mode it needs', () => {
    for (const anchor of ANCHORS) {
      const mode = modeForAnchor(anchor) ?? 'encoder-decoder'
      const steps = buildSteps(mode, fakeTrace(mode, 5))
      const i = stepForAnchor(steps, anchor)
      if (anchor === 'decoder-only') expect(mode).toBe('decoder-only')
      else expect(steps[i]!.anchor, anchor).toBe(anchor)
    }
    expect(stepForAnchor(buildSteps('encoder-decoder', null), 'cross-attention')).toBe(11)
    expect(stepForAnchor(buildSteps('decoder-only', null), 'masked-attention')).toBe(5)
  })
})

describe('tensor views', () => {
  const t = { dims: [2, 2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6, 3, 2, 1, 0, -1, -1e9]), name: 'x' }
  it('selects one head, or the labelled mean of heads', () => {
    const h1 = headMatrix(t, 1)
    expect([h1.get(0, 0), h1.get(1, 2), h1.index(1, 2)]).toEqual([3, -1e9, [1, 1, 2]])
    const mean = headMatrix(t, 'mean')
    expect([mean.get(0, 0), mean.get(1, 1)]).toEqual([2, 2])
    expect(mean.name).toContain('mean of 2 heads')
    expect(crop(h1, 1, 2)).toMatchObject({ rows: 1, cols: 2 })
  })
  it('formats values as shown on screen', () => {
    expect(fmt(0.12345)).toBe('0.123')
    expect(fmt(-0.0001)).toBe('0.000')
    expect(fmt(-1e9)).toBe('−1e9')
  })
})
