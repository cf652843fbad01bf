// @vitest-environment happy-dom
// A ReAct run's text: the tool's output is its own marked block between the model's tokens, with no probability.
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ToolCall } from '../../../src/shared/contract/generation'
import type { GeneratedStep } from '../../../src/shared/host-ops/generation'
import { initI18n } from '../../../src/renderer/src/app/i18n'
import { GeneratedText, runText } from '../../../src/renderer/src/features/generation/GeneratedText'
import type { RunState } from '../../../src/renderer/src/features/generation/useGenerationRun'

const step = (i: number, text: string, prob: number): GeneratedStep => ({ step: i, token: { id: 100 + i, text, prob }, candidates: [] })
const steps = [step(0, ' Action: lookup[ Tristal ]', 0.9), step(1, '\nObservation:', 0.8), step(2, 'Answer: Tristal has a duck.', 0.7)]
const call: ToolCall = { tool: 'lookup', afterStep: 2, argument: 'Tristal', output: 'Tristal has a duck.', found: true, appended: ' Tristal has a duck.\n' }
const run = (toolCalls: ToolCall[]): RunState => ({ requestId: 'r', modelId: 'toy-chat', steps, toolCalls, status: 'done', stopReason: 'eos', error: null, tookMs: 10 })

describe('GeneratedText with tool calls', () => {
  beforeAll(() => initI18n('en'))
  afterEach(cleanup)

  it('puts each tool output before the step it preceded, in the text and on screen', () => {
    expect(runText(steps, [call])).toBe(' Action: lookup[ Tristal ]\nObservation: Tristal has a duck.\nAnswer: Tristal has a duck.')
    expect(runText(steps, [{ ...call, afterStep: 3 }])).toBe(' Action: lookup[ Tristal ]\nObservation:Answer: Tristal has a duck. Tristal has a duck.\n')
    render(<GeneratedText run={run([call])} testId="out" />)
    const out = screen.getByTestId('out')
    expect(out.getAttribute('data-text')).toBe(runText(steps, [call]))
    const tool = screen.getByTestId('gen-tool-output')
    expect(tool.textContent).toBe('lookup toolTristal has a duck.')
    expect(tool.getAttribute('title')).toContain('“Tristal”')
    expect(tool.getAttribute('data-prob')).toBeNull()
    // order on screen: the two model tokens, the tool block, then the answer token
    const order = Array.from(out.querySelectorAll('.gen-tok, .gen-tool')).map((e) => e.className.split(' ')[0])
    expect(order).toEqual(['gen-tok', 'gen-tok', 'gen-tool', 'gen-tok'])
    expect(out.querySelectorAll('.gen-tok')).toHaveLength(3)
    expect(out.textContent).toContain('3 tokens · 1 tool call · stopped at the end-of-text token')
  })

  it('marks a failed lookup and shows no tool block without calls', () => {
    render(<GeneratedText run={run([{ ...call, argument: null, output: 'No entry.', found: false, appended: ' No entry.\n' }])} testId="out" />)
    const tool = screen.getByTestId('gen-tool-output')
    expect(tool.className).toBe('gen-tool gen-tool-missing')
    expect(tool.getAttribute('title')).toContain('no action the tool understands')
    cleanup()
    render(<GeneratedText run={run([])} testId="out" />)
    expect(screen.queryByTestId('gen-tool-output')).toBeNull()
    expect(screen.getByTestId('out').textContent).not.toContain('tool call')
  })
})
