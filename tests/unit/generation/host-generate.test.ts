// The model host's generate / nextDistribution ops on the bundled toy GPTs (real onnx/model.onnx,
// KV cache through onnxruntime-node), checked against PyTorch's greedy token IDs and the shared sampler.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModelHost } from '../../../src/core/host/host'
import type { GeneratedStep } from '../../../src/shared/host-ops/generation'
import { distributionStages, rankTokens } from '../../../src/shared/sampling'
import { ROOT, realHost, tempDir } from '../helpers'

const tmp = tempDir()
let host: ModelHost
beforeAll(() => {
  host = realHost(tmp.dir)
})
afterAll(() => {
  host.stop()
  tmp.cleanup()
})

const base = { temperature: 1, topK: 0, topP: 1, seed: 1, greedy: true, maxNewTokens: 30 }

describe.each(['toy-base', 'toy-chat'])('%s', (modelId) => {
  it('greedy generation with the KV cache gives PyTorch\'s token IDs', async () => {
    const fx = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/toyworld', `${modelId}-truth.json`), 'utf8')) as { greedy: { prompt: string; new_ids: number[] }[] }
    for (const g of fx.greedy) {
      const r = await host.request('generate', { ...base, modelId, prompt: g.prompt })
      const ids = r.steps.map((s) => s.token.id)
      // The host stops at <|endoftext|> (PyTorch's fixture runs the full 30 tokens).
      expect(ids, g.prompt).toEqual(g.new_ids.slice(0, ids.length))
      if (r.stopReason === 'length') expect(ids).toHaveLength(30)
    }
  }, 60_000)
})

describe('sampling in the host', () => {
  it('same seed gives the same text; progress streams every step, in order', async () => {
    const args = { ...base, greedy: false, temperature: 1.5, topK: 40, topP: 0.95, seed: 7, maxNewTokens: 12, modelId: 'toy-chat', prompt: 'User: Where does Gux live?\nAssistant:' }
    const streamed: GeneratedStep[] = []
    const a = await host.request('generate', args, { onProgress: (p) => streamed.push(...(p.data as GeneratedStep[])) })
    const b = await host.request('generate', args)
    expect(b.steps.map((s) => s.token.id)).toEqual(a.steps.map((s) => s.token.id))
    expect(streamed.map((s) => s.token.id)).toEqual(a.steps.map((s) => s.token.id))
    for (const s of a.steps) {
      expect(s.candidates.length).toBeLessThanOrEqual(20)
      expect(s.candidates.reduce((n, c) => n + c.prob, 0)).toBeLessThanOrEqual(1 + 1e-9)
      // top-k 40: the sampled token is among the kept ones and has nonzero probability
      expect(s.token.prob).toBeGreaterThan(0)
    }
  }, 60_000)

  it('nextDistribution returns the real logits; the first greedy token is their argmax', async () => {
    const prompt = 'User: Where does Gux live?\nAssistant:'
    const d = await host.request('nextDistribution', { modelId: 'toy-chat', prompt, appendIds: [] })
    expect(d.logits).toBeInstanceOf(Float32Array)
    expect(d.logits.length).toBe(2153)
    const g = await host.request('generate', { ...base, modelId: 'toy-chat', prompt, maxNewTokens: 1 })
    const stages = distributionStages(d.logits, { temperature: 1, topK: 0, topP: 1 })
    expect(g.steps[0]!.token.id).toBe(rankTokens(d.logits)[0])
    expect(g.steps[0]!.token.prob).toBeCloseTo(stages.final[g.steps[0]!.token.id]!, 5)
    expect(d.labels[0]!.id).toBe(rankTokens(d.logits)[0])
    expect(d.context.map((t) => t.text).join('')).toBe(prompt)
  }, 60_000)

  it('a cancelled generation fails with CANCELLED; an unknown model with MODEL_NOT_FOUND', async () => {
    const controller = new AbortController()
    const run = host.request('generate', { ...base, modelId: 'toy-base', prompt: 'Gux', maxNewTokens: 200, greedy: false }, { signal: controller.signal, onProgress: () => controller.abort() })
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' })
    await expect(host.request('nextDistribution', { modelId: 'nope', prompt: 'x', appendIds: [] })).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' })
  }, 60_000)
})
