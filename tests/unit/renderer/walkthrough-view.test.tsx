// @vitest-environment happy-dom
// The walkthrough view's navigation: deep links from other sections, keyboard, outline. The API is
// a stub returning a zero-filled trace of the right shapes: these tests check navigation, not values
// (values are checked against the real model host in tests/e2e/walkthrough.spec.ts).
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Api } from '@shared/ipc'
import type { TeachingKind, TeachingTensor, WalkthroughTrace } from '@shared/contract/walkthrough'
import { initI18n } from '../../../src/renderer/src/app/i18n'
import { WalkthroughView } from '../../../src/renderer/src/features/walkthrough'
import { setApiForTests } from '../../../src/renderer/src/lib/api'
import { initialStoreState, useStore } from '../../../src/renderer/src/stores'

const zeros = (...dims: number[]): TeachingTensor => ({ dims, data: new Float32Array(dims.reduce((a, b) => a * b, 1)), name: 'zeros' })
const H = 2
const D = 4

function stack(n: number, kv: number, cross: boolean) {
  const attention = (k: number) => ({ q: zeros(H, n, D / H), k: zeros(H, k, D / H), v: zeros(H, k, D / H), scores: zeros(H, n, k), weights: zeros(H, n, k), context: zeros(H, n, D / H), out: zeros(n, D), residual: zeros(n, D) })
  return {
    ids: Array.from({ length: n }, (_, i) => i),
    pieces: Array.from({ length: n }, (_, i) => `t${i}`),
    embed: zeros(n, D),
    pos: zeros(n, D),
    input: zeros(n, D),
    layers: [{ self: attention(n), cross: cross ? attention(kv) : null, ffnHidden: null, ffnOut: zeros(n, D), out: zeros(n, D) }]
  }
}

function trace(kind: TeachingKind): WalkthroughTrace {
  const seq = kind === 'encoder-decoder'
  return {
    modelId: seq ? 'teaching-translator' : 'toy-base', kind, positional: seq ? 'sinusoidal' : 'learned', norm: seq ? 'post' : 'pre',
    heads: H, dModel: D, vocabSize: 5, maskValue: -1e9, text: 'x', encoder: seq ? stack(3, 3, false) : null, decoder: stack(3, 3, seq),
    candidates: [0, 1, 2].map((i) => [{ id: i, piece: `t${i}`, logit: 0, prob: 1 }]), nextLogits: new Float32Array(5),
    translation: seq ? { text: 't1 t2', ids: [1, 2], pieces: ['t1', 't2'] } : null, tookMs: 1
  }
}

const info = (id: string, kind: TeachingKind) => ({ id, kind, available: true, layers: { encoder: kind === 'encoder-decoder' ? 1 : 0, decoder: 1 }, heads: H, dModel: D, vocabSize: 5 })
const runs: string[] = []

beforeAll(async () => {
  await initI18n('en')
})
beforeEach(() => {
  runs.length = 0
  useStore.setState(initialStoreState, true)
  setApiForTests({
    walkthrough: {
      models: async () => [info('teaching-translator', 'encoder-decoder'), info('toy-base', 'decoder-only')],
      check: async () => ({ ids: [1, 2, 3], pieces: ['a', 'b', 'c'], unknown: [false, false, false], unknownWords: [], tooLong: false }),
      run: async (req: { modelId: string }) => {
        runs.push(req.modelId)
        return trace(req.modelId === 'toy-base' ? 'decoder-only' : 'encoder-decoder')
      }
    }
  } as unknown as Api)
})
afterEach(cleanup)

const step = (): string | null => screen.getByTestId('wt-scene').getAttribute('data-step')

describe('walkthrough view', () => {
  it('shows the precomputed example first, then goes live', async () => {
    render(<WalkthroughView />)
    expect(screen.getByTestId('wt-scene').getAttribute('data-live')).toBe('false')
    expect(screen.getByTestId('wt-ids').getAttribute('data-value')).toMatch(/^\d+(,\d+)+$/)
    await waitFor(() => expect(screen.getByTestId('wt-scene').getAttribute('data-live')).toBe('true'))
    expect(runs).toEqual(['teaching-translator'])
  })

  it('opens the step a deep link names, switching to the mode it needs', async () => {
    useStore.getState().go('walkthrough', 'cross-attention')
    render(<WalkthroughView />)
    await waitFor(() => expect(step()).toBe('dec-cross'))
    expect(useStore.getState().sectionTarget).toBeNull()
    act(() => useStore.getState().go('walkthrough', 'decoder-only'))
    await waitFor(() => expect(screen.getByTestId('section-walkthrough').getAttribute('data-mode')).toBe('decoder-only'))
    await waitFor(() => expect(screen.getByTestId('wt-scene').getAttribute('data-live')).toBe('true'))
    expect(step()).toBe('tokenize')
    expect(runs).toEqual(['teaching-translator', 'toy-base'])
  })

  it('steps with the keyboard and jumps from the outline', async () => {
    render(<WalkthroughView />)
    await waitFor(() => expect(screen.getByTestId('wt-scene').getAttribute('data-live')).toBe('true'))
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    expect(step()).toBe('embedding')
    fireEvent.keyDown(window, { key: 'End' })
    expect(step()).toBe('compare')
    fireEvent.keyDown(window, { key: 'Home' })
    expect(step()).toBe('tokenize')
    fireEvent.click(screen.getByTestId('wt-outline-softmax'))
    expect(step()).toBe('softmax')
    fireEvent.keyDown(window, { key: ' ' })
    expect(useStore.getState().wtPlaying).toBe(true)
  })
})
