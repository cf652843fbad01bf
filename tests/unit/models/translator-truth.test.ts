// The teaching translator's instrumented graph (resources/models/teaching-translator/teaching/graph.onnx)
// run under onnxruntime-node gives the same intermediate tensors as PyTorch did when it was exported
// (fixture written by tools/models/translator/build.py): max |diff| <= 1e-4 for every named output,
// on "She is in a restaurant" and two held-out sentences.
import fs from 'node:fs'
import path from 'node:path'
import * as ort from 'onnxruntime-node'
import { describe, it, expect } from 'vitest'

const root = path.resolve(__dirname, '../../..')
const modelDir = path.join(root, 'resources/models/teaching-translator/teaching')

interface Truth {
  tolerance: number
  items: {
    sentence: string
    src_ids: number[]
    tgt_ids: number[]
    outputs: Record<string, { shape: number[]; data: number[] }>
  }[]
}

const ids = (xs: number[]): ort.Tensor =>
  new ort.Tensor('int64', BigInt64Array.from(xs.map((x) => BigInt(x))), [1, xs.length])

describe('teaching-translator graph', () => {
  it('matches PyTorch on every named output', async () => {
    const fx = JSON.parse(
      fs.readFileSync(path.join(root, 'tests/fixtures/teaching/translator-truth.json'), 'utf8')
    ) as Truth
    const meta = JSON.parse(fs.readFileSync(path.join(modelDir, 'outputs.json'), 'utf8')) as {
      outputs: { name: string; shape: (number | string)[] }[]
    }
    const session = await ort.InferenceSession.create(path.join(modelDir, 'graph.onnx'), {
      intraOpNumThreads: 1,
      interOpNumThreads: 1
    })
    expect(session.outputNames).toEqual(meta.outputs.map((o) => o.name))
    expect(fx.items.length).toBe(3)
    for (const item of fx.items) {
      const result = await session.run({ src_ids: ids(item.src_ids), tgt_ids: ids(item.tgt_ids) })
      const sizes: Record<string, number> = { S: item.src_ids.length, T: item.tgt_ids.length }
      for (const out of meta.outputs) {
        const want = item.outputs[out.name]
        const got = result[out.name]
        if (!want || !got) throw new Error(`${out.name}: missing in the fixture or the graph`)
        // outputs.json's symbolic shape, resolved, must equal both the fixture's and the graph's
        const resolved = out.shape.map((d) => (typeof d === 'number' ? d : sizes[d]))
        expect(want.shape, out.name).toEqual(resolved)
        expect(Array.from(got.dims), out.name).toEqual(want.shape)
        const data = got.data as Float32Array
        let worst = 0
        want.data.forEach((x, i) => {
          worst = Math.max(worst, Math.abs((data[i] ?? Number.NaN) - x))
        })
        expect(data.length, out.name).toBe(want.data.length)
        expect(worst, `${item.sentence} ${out.name}`).toBeLessThanOrEqual(1e-4)
      }
    }
    await session.release()
  }, 60_000)
})
