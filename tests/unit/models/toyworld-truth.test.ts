// The toy-world GPTs' instrumented graphs (teaching/graph.onnx) run under onnxruntime-node give
// the same intermediate tensors as PyTorch did when they were exported (fixtures written by
// tools/models/toyworld/export.py): max |diff| <= 1e-4 for every output, 2 prompts per model.
import fs from 'node:fs'
import path from 'node:path'
import * as ort from 'onnxruntime-node'
import { describe, it, expect } from 'vitest'

const root = path.resolve(__dirname, '../../..')

interface Truth {
  tolerance: number
  truth: { prompt: string; input_ids: number[]; outputs: Record<string, { shape: number[]; data: number[] }> }[]
}

describe.each(['toy-base', 'toy-chat'])('%s teaching graph', (id) => {
  it('matches PyTorch on every instrumented output', async () => {
    const fx = JSON.parse(
      fs.readFileSync(path.join(root, 'tests/fixtures/toyworld', `${id}-truth.json`), 'utf8')
    ) as Truth
    const outputsJson = JSON.parse(
      fs.readFileSync(path.join(root, 'resources/models', id, 'teaching/outputs.json'), 'utf8')
    ) as { outputs: { name: string }[] }
    const session = await ort.InferenceSession.create(
      path.join(root, 'resources/models', id, 'teaching/graph.onnx'),
      { intraOpNumThreads: 1, interOpNumThreads: 1 }
    )
    expect(session.outputNames).toEqual(outputsJson.outputs.map((o) => o.name))
    for (const entry of fx.truth) {
      const ids = BigInt64Array.from(entry.input_ids.map((x) => BigInt(x)))
      const result = await session.run({ input_ids: new ort.Tensor('int64', ids, [1, ids.length]) })
      for (const [name, want] of Object.entries(entry.outputs)) {
        const got = result[name]
        if (!got) throw new Error(`missing output ${name}`)
        expect(Array.from(got.dims), name).toEqual(want.shape)
        const data = got.data as Float32Array
        expect(data.length, name).toBe(want.data.length)
        let worst = 0
        want.data.forEach((w, i) => {
          worst = Math.max(worst, Math.abs((data[i] ?? Number.NaN) - w))
        })
        expect(worst, `${entry.prompt} ${name}`).toBeLessThanOrEqual(1e-4)
      }
    }
    await session.release()
  }, 120_000)
})
