// @vitest-environment happy-dom
// The chart draws the shared sampling maths: rows, kept tokens and probabilities follow the controls.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { initI18n } from '../../../src/renderer/src/app/i18n'
import { DistributionChart, visible } from '../../../src/renderer/src/features/generation/DistributionChart'
import { DEFAULT_CONTROLS } from '../../../src/renderer/src/features/generation/slice'

// logits ln 1, ln 2, ln 3, ln 4 → softmax 0.1, 0.2, 0.3, 0.4
const logits = Float32Array.from([1, 2, 3, 4].map(Math.log))
const labels = [3, 2, 1, 0].map((id) => ({ id, text: ` t${id}` }))
const probs = (): number[] => screen.getAllByTestId('gen-bar').map((e) => Number(e.getAttribute('data-prob')))

describe('DistributionChart', () => {
  beforeAll(() => initI18n('en'))
  afterEach(cleanup)

  it('shows the softmax when every filter is off', () => {
    render(<DistributionChart logits={logits} labels={labels} controls={DEFAULT_CONTROLS} />)
    expect(probs()).toEqual([0.4, 0.3, 0.2, 0.1].map((p) => expect.closeTo(p, 5)))
    expect(screen.getByTestId('gen-chart').getAttribute('data-kept')).toBe('4')
  })

  it('top-k 2 keeps two rows (0.4/0.7, 0.3/0.7); top-p 0.5 then keeps one; greedy keeps the argmax', () => {
    const { rerender } = render(<DistributionChart logits={logits} labels={labels} controls={{ ...DEFAULT_CONTROLS, topK: 2 }} />)
    expect(probs()).toEqual([4 / 7, 3 / 7, 0, 0].map((p) => expect.closeTo(p, 5)))
    rerender(<DistributionChart logits={logits} labels={labels} controls={{ ...DEFAULT_CONTROLS, topK: 2, topP: 0.5 }} />)
    expect(probs()).toEqual([1, 0, 0, 0])
    rerender(<DistributionChart logits={logits} labels={labels} controls={{ ...DEFAULT_CONTROLS, greedy: true }} />)
    expect(screen.getByTestId('gen-chart').getAttribute('data-kept')).toBe('1')
  })

  it('step mode: clicking a row hands its token to onPick', () => {
    const picked: number[] = []
    render(<DistributionChart logits={logits} labels={labels} controls={DEFAULT_CONTROLS} onPick={(t: { id: number }) => picked.push(t.id)} />)
    fireEvent.click(screen.getAllByRole('button', { name: '·t1' })[0]!)
    expect(picked).toEqual([1])
    expect(visible('a b\n')).toBe('a·b↵')
    expect(visible('')).toBe('∅')
  })
})
