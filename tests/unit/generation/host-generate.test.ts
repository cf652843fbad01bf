// The model host's generate / nextDistribution ops on the bundled toy GPTs (real onnx/model.onnx,
// KV cache through onnxruntime-node), checked against PyTorch's greedy token IDs and the shared sampler.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModelHost } from '../../../src/core/host/host'
import type { GenerateArgs, GenerateResult, GenerateSummary, GeneratedStep, StepBatch } from '../../../src/shared/host-ops/generation'
import { distributionStages, rankTokens } from '../../../src/shared/sampling'
import { StepReader } from '../../../src/shared/step-batch'
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

/** The host's `generate` with its step batches (streamed, then the reply's tail) read back into steps, as the core does. */
async function generate(args: GenerateArgs, batches: unknown[] = []): Promise<GenerateSummary & Pick<GenerateResult, 'steps'>> {
  const reader = new StepReader()
  const steps: GeneratedStep[] = []
  const r = await host.request('generate', args, {
    onProgress: (p) => {
      batches.push(p.data)
      steps.push(...reader.read(p.data))
    }
  })
  // the last batch comes with the reply
  if (r.tail) batches.push(r.tail)
  steps.push(...reader.finish(r))
  expect(reader.count).toBe(r.stepCount)
  return { ...r, steps }
}

describe.each(['toy-base', 'toy-chat'])('%s', (modelId) => {
  it('greedy generation with the KV cache gives PyTorch\'s token IDs', async () => {
    const fx = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/toyworld', `${modelId}-truth.json`), 'utf8')) as { greedy: { prompt: string; new_ids: number[] }[] }
    for (const g of fx.greedy) {
      const r = await generate({ ...base, modelId, prompt: g.prompt })
      const ids = r.steps.map((s) => s.token.id)
      // The host stops at <|endoftext|> (PyTorch's fixture runs the full 30 tokens).
      expect(ids, g.prompt).toEqual(g.new_ids.slice(0, ids.length))
      if (r.stopReason === 'length') expect(ids).toHaveLength(30)
    }
  }, 60_000)
})

describe('sampling in the host', () => {
  it('same seed gives the same text; progress streams every step, in order, as typed arrays', async () => {
    const args = { ...base, greedy: false, temperature: 1.5, topK: 40, topP: 0.95, seed: 7, maxNewTokens: 12, modelId: 'toy-chat', prompt: 'User: Where does Gux live?\nAssistant:' }
    const batches: unknown[] = []
    const a = await generate(args, batches)
    const b = await generate(args)
    expect(a.steps.length).toBeGreaterThan(0)
    expect(b.steps.map((s) => s.token.id)).toEqual(a.steps.map((s) => s.token.id))
    expect(a.steps.map((s) => s.step)).toEqual(a.steps.map((_, i) => i))
    // the transport keeps the typed arrays (structured clone); each token's text is sent once per run
    const first = batches[0] as StepBatch
    expect(first.ids).toBeInstanceOf(Int32Array)
    expect(first.candidateProbs).toBeInstanceOf(Float64Array)
    expect(first.width).toBe(20)
    const textIds = (batches as StepBatch[]).flatMap((x) => [...x.textIds])
    expect(new Set(textIds).size).toBe(textIds.length)
    expect(new Set(textIds)).toEqual(new Set(a.steps.flatMap((s) => [s.token.id, ...s.candidates.map((c) => c.id)])))
    for (const s of a.steps) {
      expect(s.candidates).toHaveLength(20)
      expect(s.candidates.map((c) => c.prob)).toEqual([...s.candidates.map((c) => c.prob)].sort((x, y) => y - x))
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
    const g = await generate({ ...base, modelId: 'toy-chat', prompt, maxNewTokens: 1 })
    const stages = distributionStages(d.logits, { temperature: 1, topK: 0, topP: 1 })
    expect(g.steps[0]!.token.id).toBe(rankTokens(d.logits)[0])
    expect(g.steps[0]!.token.prob).toBeCloseTo(stages.final[g.steps[0]!.token.id]!, 5)
    expect(d.labels[0]!.id).toBe(rankTokens(d.logits)[0])
    expect(d.context.map((t) => t.text).join('')).toBe(prompt)
  }, 60_000)

  it('greedy steps (batched in the host, over several batches) carry the top 20 by logit with the shared softmax probabilities', async () => {
    const prompt = 'User: Where does Gux live?\nAssistant:'
    const batches: unknown[] = []
    // 80 tokens: more than the 64 steps a batch holds at most, so at least two batches on any machine
    const g = await generate({ ...base, modelId: 'toy-chat', prompt, maxNewTokens: 80, temperature: 0.8, ignoreEos: true }, batches)
    expect(g.steps.map((s) => s.step)).toEqual(g.steps.map((_, i) => i))
    expect(g.steps).toHaveLength(80)
    expect(batches.length).toBeGreaterThanOrEqual(2)
    for (const s of g.steps.filter((x) => x.step % 8 === 0 || x.step === 79)) {
      // the same position without the KV cache: logits agree to float32 rounding (~1e-5), so ranks may swap only that close
      const d = await host.request('nextDistribution', { modelId: 'toy-chat', prompt, appendIds: g.steps.slice(0, s.step).map((x) => x.token.id) })
      const final = distributionStages(d.logits, { temperature: 0.8, topK: 0, topP: 1 }).final
      const logit = (id: number): number => d.logits[id]!
      const twentyFirst = logit(rankTokens(d.logits)[20]!)
      expect(s.candidates).toHaveLength(20)
      s.candidates.forEach((c, k) => {
        expect(logit(c.id)).toBeGreaterThanOrEqual(twentyFirst - 1e-4)
        if (k > 0) expect(logit(c.id)).toBeLessThanOrEqual(logit(s.candidates[k - 1]!.id) + 1e-4)
      })
      expect(s.token.id).toBe(s.candidates[0]!.id)
      for (const c of [s.token, ...s.candidates]) expect(c.prob).toBeCloseTo(final[c.id]!, 5)
    }
  }, 60_000)

  it('ends as soon as the new text ends with a stop sequence, keeping it (greedy on the Tool use preset)', async () => {
    const presets = JSON.parse(readFileSync(join(ROOT, 'resources/corpora/toyworld/presets.json'), 'utf8')) as { presets: { id: string; prompt: string; tool?: { stop: string } }[] }
    const react = presets.presets.find((p) => p.id === 'react')!
    expect(react.tool?.stop).toBe('\nObservation:')
    const args = { ...base, modelId: 'toy-chat', prompt: react.prompt, maxNewTokens: 120 }
    const r = await generate({ ...args, stop: ['\nAnswer:', react.tool!.stop] })
    expect(r.stopReason).toBe('stop')
    expect(r.text).toBe(' Thought: I need to look up Tristal.\nAction: lookup[ Tristal ]\nObservation:')
    expect(r.steps.map((s) => s.token.text).join('')).toBe(r.text)
    // without it the model runs past "Observation:" and writes an observation of its own
    const free = await generate(args)
    expect(free.stopReason).not.toBe('stop')
    expect(free.text.startsWith(r.text)).toBe(true)
    expect(free.steps.length).toBeGreaterThan(r.steps.length)
    // a stop sequence is matched in the new text only, never in the prompt
    const inPrompt = await host.request('generate', { ...args, stop: ['Assistant:'] })
    expect(inPrompt.stopReason).not.toBe('stop')
    await expect(host.request('generate', { ...args, stop: [''] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('stop sequence is empty') })
  }, 60_000)

  it('a cancelled generation fails with CANCELLED; an unknown model with MODEL_NOT_FOUND', async () => {
    const controller = new AbortController()
    // ignoreEos: 200 tokens take far longer than the first batch's frame (16 ms), so a progress message comes mid-run
    const run = host.request('generate', { ...base, modelId: 'toy-base', prompt: 'Gux', maxNewTokens: 200, greedy: false, ignoreEos: true }, { signal: controller.signal, onProgress: () => controller.abort() })
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' })
    await expect(host.request('nextDistribution', { modelId: 'nope', prompt: 'x', appendIds: [] })).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' })
  }, 60_000)
})
