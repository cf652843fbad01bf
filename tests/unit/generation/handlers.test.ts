// The generation lab's core handlers: model catalogue, presets, token events and stop.
import { describe, expect, it } from 'vitest'
import type { EventMap } from '../../../src/shared/ipc'
import { useGenerationHandlers } from './setup'

const gen = useGenerationHandlers()
const { bus } = gen

const request = { modelId: 'toy-base', prompt: 'Gux', temperature: 3, topK: 0, topP: 1, seed: 3, greedy: false }

describe('generation handlers', () => {
  it('lists the toy GPTs and the toy-world presets', async () => {
    const ids = (await gen.handlers()['generation:models']({})).map((m) => m.id)
    expect(ids).toEqual(expect.arrayContaining(['toy-base', 'toy-chat']))
    expect(ids).not.toContain('multilingual-e5-small-zh-en')
    const presets = await gen.handlers()['generation:presets']({})
    expect(presets.find((p) => p.id === 'base-vs-chat')?.models).toEqual(['toy-base', 'toy-chat'])
    expect(presets.find((p) => p.id === 'hallucination')?.prompt).toContain('Assistant:')
  })

  it('relays every token as a generation:token event and stops on request, keeping the tokens so far', async () => {
    const events: EventMap['generation:token'][] = []
    const off = bus.subscribe((name, payload) => {
      if (name !== 'generation:token') return
      const p = payload as EventMap['generation:token']
      events.push(p)
      if (events.length === 2) void gen.handlers()['generation:stop']({ requestId: 'r1' })
    })
    // temperature 3 flattens the distribution: <|endoftext|> (1 of 2153) will not end it first
    const result = await gen.handlers()['generation:generate']({ ...request, requestId: 'r1', maxNewTokens: 512 })
    off()
    expect(result.stopReason).toBe('stopped')
    expect(result.steps.length).toBeGreaterThanOrEqual(2)
    expect(result.steps.length).toBeLessThan(512)
    expect(events.flatMap((e) => e.steps).map((s) => s.token.id)).toEqual(result.steps.map((s) => s.token.id))
    expect(events.every((e) => e.requestId === 'r1' && e.modelId === 'toy-base')).toBe(true)
    expect(await gen.handlers()['generation:stop']({ requestId: 'r1' })).toBe(false)
  }, 60_000)
})
