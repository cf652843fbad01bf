// The core's ReAct loop on the real toy-chat model: generate to "\nObservation:", look the name up in
// resources/corpora/toyworld/facts.jsonl, append the passage, generate on to <|endoftext|>.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadLookupTool, runLookup } from '../../../src/core/generation/lookup'
import type { EventMap } from '../../../src/shared/ipc'
import { tempDir } from '../helpers'
import { CORPORA, useGenerationHandlers } from './setup'

const facts = new Map(
  readFileSync(join(CORPORA, 'toyworld/facts.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string })
    .map((r) => [r.id, r.text])
)
const tmp = tempDir()
afterAll(() => tmp.cleanup())
const gen = useGenerationHandlers()
const { bus } = gen

const greedy = { modelId: 'toy-chat', temperature: 1, topK: 0, topP: 1, seed: 42, greedy: true, maxNewTokens: 200, tool: 'lookup' as const }

/** Records the run's token and tool events, in arrival order. */
function record(requestId: string): { tokens: EventMap['generation:token'][]; tools: EventMap['generation:tool'][]; order: string[]; off(): void } {
  const r = { tokens: [] as EventMap['generation:token'][], tools: [] as EventMap['generation:tool'][], order: [] as string[] }
  const off = bus.subscribe((name, payload) => {
    if ((payload as { requestId?: string }).requestId !== requestId) return
    if (name === 'generation:token') r.tokens.push(payload as EventMap['generation:token'])
    if (name === 'generation:tool') r.tools.push(payload as EventMap['generation:tool'])
    r.order.push(name)
  })
  return { ...r, off }
}

describe('ReAct loop (generation:generate with tool "lookup")', () => {
  it('the Tool use preset looks Tristal up in the fact sheet and answers with the pet from it', async () => {
    const preset = (await gen.handlers()['generation:presets']({})).find((p) => p.id === 'react')!
    expect(preset.tool).toBe('lookup')
    expect((await gen.handlers()['generation:presets']({})).find((p) => p.id === 'rag')?.tool).toBeUndefined()
    const ev = record('react-1')
    const result = await gen.handlers()['generation:generate']({ ...greedy, requestId: 'react-1', prompt: preset.prompt })
    ev.off()
    expect(result.toolCalls).toHaveLength(1)
    const call = result.toolCalls[0]!
    expect(call).toMatchObject({ tool: 'lookup', argument: 'Tristal', found: true })
    expect(call.output).toBe(facts.get('Tristal'))
    expect(call.output).toContain('Tristal has a duck.')
    expect(call.appended).toBe(` ${facts.get('Tristal')}\n`)
    // the model's text up to the call ends with the stop sequence; the tool's text follows it
    const before = result.steps.slice(0, call.afterStep).map((s) => s.token.text).join('')
    expect(before).toBe(' Thought: I need to look up Tristal.\nAction: lookup[ Tristal ]\nObservation:')
    const after = result.text.slice(before.length + call.appended.length)
    expect(result.text).toBe(before + call.appended + after)
    expect(after).toMatch(/^Answer: .*duck/)
    expect(result.stopReason).toBe('eos')
    expect(result.steps.map((s) => s.step)).toEqual(result.steps.map((_, i) => i))
    // streamed: steps numbered across both segments, then one tool event between them
    expect(ev.tokens.flatMap((e) => e.steps).map((s) => s.token.id)).toEqual(result.steps.map((s) => s.token.id))
    expect(ev.tools.map((e) => e.call)).toEqual([call])
    const toolAt = ev.order.indexOf('generation:tool')
    const tokensBefore = ev.tokens.slice(0, ev.order.slice(0, toolAt).length).flatMap((e) => e.steps).length
    expect(tokensBefore).toBe(call.afterStep)
  }, 60_000)

  it('a name missing from the fact sheet gets "No entry."', async () => {
    const result = await gen.handlers()['generation:generate']({ ...greedy, requestId: 'react-2', prompt: 'User: What pet does Zorblax have? Use the lookup tool.\nAssistant:' })
    expect(result.toolCalls.length).toBeGreaterThanOrEqual(1)
    const call = result.toolCalls[0]!
    expect(facts.has(call.argument ?? '')).toBe(false)
    expect(call).toMatchObject({ output: 'No entry.', found: false, appended: ' No entry.\n' })
    expect(result.text).toContain('Observation: No entry.\n')
  }, 60_000)

  it('the stop button ends the loop, keeping the text and tool calls so far', async () => {
    const off = bus.subscribe((name, payload) => {
      if (name === 'generation:tool' && (payload as { requestId: string }).requestId === 'react-3') void gen.handlers()['generation:stop']({ requestId: 'react-3' })
    })
    const preset = (await gen.handlers()['generation:presets']({})).find((p) => p.id === 'react')!
    const result = await gen.handlers()['generation:generate']({ ...greedy, requestId: 'react-3', prompt: preset.prompt })
    off()
    expect(result.stopReason).toBe('stopped')
    expect(result.promptTokens).toBeNull()
    expect(result.toolCalls).toHaveLength(1)
    expect(result.text.startsWith(` Thought: I need to look up Tristal.\nAction: lookup[ Tristal ]\nObservation: ${facts.get('Tristal')}\n`)).toBe(true)
    expect(result.text.length - result.toolCalls[0]!.appended.length).toBe(result.steps.map((s) => s.token.text).join('').length)
  }, 60_000)

  it('without a tool nothing is looked up; with one, the token budget can end the run before the action', async () => {
    const preset = (await gen.handlers()['generation:presets']({})).find((p) => p.id === 'react')!
    const plain = await gen.handlers()['generation:generate']({ ...greedy, tool: undefined, requestId: 'react-4', prompt: preset.prompt, maxNewTokens: 60 })
    expect(plain.toolCalls).toEqual([])
    expect(plain.text).toMatch(/^ Thought: I need to look up Tristal\.\nAction: lookup\[ Tristal \]\nObservation:./)
    const short = await gen.handlers()['generation:generate']({ ...greedy, requestId: 'react-5', prompt: preset.prompt, maxNewTokens: 8 })
    expect(short).toMatchObject({ toolCalls: [], stopReason: 'length' })
    expect(short.steps).toHaveLength(8)
    expect(plain.text.startsWith(short.text)).toBe(true)
  }, 60_000)
})

describe('lookup tool', () => {
  it('reads the spec from presets.json and the passages from facts.jsonl', async () => {
    const tool = await loadLookupTool(CORPORA)
    expect(tool.stop).toBe('\nObservation:')
    expect(runLookup(tool, ' Thought: I need to look up Gux.\nAction: lookup[ Gux ]\nObservation:')).toEqual({ argument: 'Gux', output: facts.get('Gux'), found: true })
    expect(runLookup(tool, 'Action: lookup[ Nobody ]\nObservation:')).toEqual({ argument: 'Nobody', output: 'No entry.', found: false })
    expect(runLookup(tool, 'I will not use the tool.\nObservation:')).toEqual({ argument: null, output: 'No entry.', found: false })
    expect(tool.wrap('x')).toBe(' x\n')
  })

  it('a missing fact sheet is a clear INTERNAL error', async () => {
    await expect(loadLookupTool(tmp.dir)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('presets.json') })
  })
})
