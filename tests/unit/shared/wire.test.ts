import { describe, expect, it } from 'vitest'
import { decodeMessage, encodeMessage } from '../../../src/shared/wire'

describe('wire codec', () => {
  it('round-trips nested typed arrays as binary, byte for byte', () => {
    const emb = new Float32Array([0.5, -1.25, 3.0e-8, Number.MAX_VALUE])
    const ids = new Int32Array([101, 2023, 102])
    const msg = { id: 7, result: { embeddings: emb, meta: { ids, name: '猫' }, list: [new Uint8Array([1, 2, 3])] } }
    const out = decodeMessage(encodeMessage(msg)) as typeof msg
    expect(out.id).toBe(7)
    expect(out.result.embeddings).toBeInstanceOf(Float32Array)
    expect(Array.from(out.result.embeddings)).toEqual(Array.from(emb))
    expect(Array.from(out.result.meta.ids)).toEqual([101, 2023, 102])
    expect(out.result.meta.name).toBe('猫')
    expect(Array.from(out.result.list[0] as Uint8Array)).toEqual([1, 2, 3])
  })

  it('sends arrays as raw bytes, not JSON numbers', () => {
    const big = new Float32Array(10_000).fill(1 / 3)
    const bytes = encodeMessage({ big })
    // 40,000 bytes of floats + a small header; JSON text would be ~10x larger.
    expect(bytes.byteLength).toBeLessThan(40_000 + 100)
  })

  it('handles a subarray view (non-zero byteOffset) correctly', () => {
    const base = new Float64Array([1, 2, 3, 4, 5])
    const view = base.subarray(2, 4)
    const out = decodeMessage(encodeMessage({ view })) as { view: Float64Array }
    expect(Array.from(out.view)).toEqual([3, 4])
  })

  it('rejects truncated messages with a clear error', () => {
    const bytes = encodeMessage({ a: new Float32Array([1, 2, 3, 4]) })
    expect(() => decodeMessage(bytes.subarray(0, bytes.byteLength - 12))).toThrow(/truncated/)
    expect(() => decodeMessage(new Uint8Array([1]))).toThrow(/too short/)
  })
})
