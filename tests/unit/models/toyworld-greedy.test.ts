// transformers.js's text-generation pipeline, run on the exported toy-world GPTs
// (onnx/model.onnx with KV cache), reproduces PyTorch's greedy generations token for token
// (fixtures written by tools/models/toyworld/export.py: 3 prompts per model, 30 new tokens).
import fs from 'node:fs'
import path from 'node:path'
import { env, pipeline, type TextGenerationPipeline } from '@huggingface/transformers'
import { describe, it, expect } from 'vitest'

const root = path.resolve(__dirname, '../../..')
env.allowRemoteModels = false
env.localModelPath = path.join(root, 'resources/models')
env.useFSCache = false

interface Greedy {
  greedy: { prompt: string; input_ids: number[]; new_ids: number[]; text: string }[]
}

describe.each(['toy-base', 'toy-chat'])('%s greedy generation', (id) => {
  it('gives the same token IDs as PyTorch', async () => {
    const fx = JSON.parse(
      fs.readFileSync(path.join(root, 'tests/fixtures/toyworld', `${id}-truth.json`), 'utf8')
    ) as Greedy
    const generator = (await pipeline('text-generation', id, { dtype: 'fp32' })) as TextGenerationPipeline
    for (const g of fx.greedy) {
      const inputs = generator.tokenizer(g.prompt)
      expect(Array.from(inputs.input_ids.data as BigInt64Array).map(Number)).toEqual(g.input_ids)
      const out = (await generator.model.generate({ ...inputs, max_new_tokens: 30, do_sample: false })) as {
        tolist(): bigint[][]
      }
      const newIds = (out.tolist()[0] ?? []).slice(g.input_ids.length).map(Number)
      expect(newIds, g.prompt).toEqual(g.new_ids)
      const [res] = (await generator(g.prompt, {
        max_new_tokens: 30,
        do_sample: false,
        return_full_text: false
      })) as { generated_text: string }[]
      expect(res?.generated_text, g.prompt).toBe(g.text)
    }
    await generator.dispose()
  }, 120_000)
})
