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

  it('restores arrays inside lists of objects and keeps every other value as JSON gives it', () => {
    const points = { n: 2, ids: ['a', 'b'], previews: ['第一段', 'second'], meta: [{ name: 'lang', values: ['en', 'zh'], index: Int32Array.from([0, 1]) }], none: null, flags: [true, 0, ''] }
    const out = decodeMessage(encodeMessage({ id: 3, ok: true, result: points })) as { result: typeof points }
    expect(out.result.meta[0]!.index).toBeInstanceOf(Int32Array)
    expect(Array.from(out.result.meta[0]!.index)).toEqual([0, 1])
    expect({ ...out.result, meta: [{ ...out.result.meta[0], index: null }] }).toEqual({ ...points, meta: [{ ...points.meta[0], index: null }] })
    const plain = decodeMessage(encodeMessage({ event: 'job:update', payload: { done: 5, total: 9 } }))
    expect(plain).toEqual({ event: 'job:update', payload: { done: 5, total: 9 } })
  })

  it('keeps a "__proto__" key as data, never as the prototype', () => {
    const json = '{"__proto__":{"x":{"$ta":"Uint8Array","i":0}},"a":1}'
    const bytes = encodeMessage({ placeholder: new Uint8Array([7, 8]) })
    // Same array section, JSON section swapped for one with a "__proto__" key.
    const head = new TextEncoder().encode(json)
    const arraysAt = (4 + new DataView(bytes.buffer).getUint32(0, true) + 7) & ~7
    const msg = new Uint8Array(((4 + head.byteLength + 7) & ~7) + bytes.byteLength - arraysAt)
    new DataView(msg.buffer).setUint32(0, head.byteLength, true)
    msg.set(head, 4)
    msg.set(bytes.subarray(arraysAt), (4 + head.byteLength + 7) & ~7)
    const out = decodeMessage(msg) as Record<string, { x: Uint8Array }>
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Array.from(Object.getOwnPropertyDescriptor(out, '__proto__')!.value.x as Uint8Array)).toEqual([7, 8])
  })

  it('rejects truncated messages with a clear error', () => {
    const bytes = encodeMessage({ a: new Float32Array([1, 2, 3, 4]) })
    expect(() => decodeMessage(bytes.subarray(0, bytes.byteLength - 12))).toThrow(/truncated/)
    expect(() => decodeMessage(new Uint8Array([1]))).toThrow(/too short/)
  })

  it('rejects a reference to an array the message does not carry', () => {
    const json = new TextEncoder().encode('{"a":{"$ta":"Float32Array","i":3}}')
    const only = encodeMessage({ a: new Float32Array([1]) })
    const arraysAt = (4 + new DataView(only.buffer).getUint32(0, true) + 7) & ~7
    const msg = new Uint8Array(((4 + json.byteLength + 7) & ~7) + only.byteLength - arraysAt)
    new DataView(msg.buffer).setUint32(0, json.byteLength, true)
    msg.set(json, 4)
    msg.set(only.subarray(arraysAt), (4 + json.byteLength + 7) & ~7)
    expect(() => decodeMessage(msg)).toThrow(/bad typed array reference Float32Array#3/)
  })
})
