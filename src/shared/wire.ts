/**
 * Binary message codec for transports without structured clone (the harness WebSocket).
 *
 * A message is JSON in which every typed array is replaced by `{ "$ta": <type>, "i": <index> }`,
 * followed by the arrays' bytes. Layout (little-endian):
 *   [u32 jsonBytes][json UTF-8][pad to 8][for each array: u32 byteLength, pad to 8, bytes, pad to 8]
 * Arrays travel as raw bytes, never as JSON numbers, so a [n, 384] Float32Array costs n·384·4 bytes.
 */

const TYPES = {
  Float32Array,
  Float64Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  BigInt64Array
} as const
type TypedArrayName = keyof typeof TYPES
type AnyTypedArray = InstanceType<(typeof TYPES)[TypedArrayName]>

const pad8 = (n: number): number => (n + 7) & ~7

function typedArrayName(value: unknown): TypedArrayName | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null
  const name = value.constructor.name as TypedArrayName
  return name in TYPES ? name : null
}

/** Encodes any JSON-like value that may contain typed arrays (non-finite numbers become null, as in JSON). */
export function encodeMessage(value: unknown): Uint8Array<ArrayBuffer> {
  const arrays: AnyTypedArray[] = []
  const json = JSON.stringify(value, function replacer(this: unknown, _key, v: unknown) {
    const name = typedArrayName(v)
    if (name) {
      arrays.push(v as AnyTypedArray)
      return { $ta: name, i: arrays.length - 1 }
    }
    return v
  })
  const jsonBytes = new TextEncoder().encode(json ?? 'null')
  let size = pad8(4 + jsonBytes.byteLength)
  for (const a of arrays) size += 8 + pad8(a.byteLength)
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  view.setUint32(0, jsonBytes.byteLength, true)
  out.set(jsonBytes, 4)
  let offset = pad8(4 + jsonBytes.byteLength)
  for (const a of arrays) {
    view.setUint32(offset, a.byteLength, true)
    offset += 8
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset)
    offset += pad8(a.byteLength)
  }
  return out
}

/**
 * Decodes a message made by {@link encodeMessage}. Typed arrays come back as fresh copies.
 * @throws Error if the bytes are truncated or malformed.
 */
export function decodeMessage(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 4) throw new Error('wire: message too short')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const jsonLength = view.getUint32(0, true)
  if (4 + jsonLength > bytes.byteLength) throw new Error('wire: truncated JSON section')
  const json = new TextDecoder().decode(bytes.subarray(4, 4 + jsonLength))
  const arrays: AnyTypedArray[] = []
  let offset = pad8(4 + jsonLength)
  while (offset < bytes.byteLength) {
    const length = view.getUint32(offset, true)
    offset += 8
    if (offset + length > bytes.byteLength) throw new Error('wire: truncated array section')
    arrays.push(bytes.slice(offset, offset + length) as unknown as AnyTypedArray)
    offset += pad8(length)
  }
  const value: unknown = JSON.parse(json)
  return arrays.length ? restoreArrays(value, arrays) : value
}

/**
 * Puts the typed arrays back in place of their `{ $ta, i }` markers, in place. This is a walk
 * after a plain JSON.parse, not a JSON.parse reviver: a reviver is called for every value of the
 * message, and on the renderer's main thread that made a library's points (ids and a preview per
 * chunk: 3.6 MB of JSON for 17,000 chunks) take 2–3× as long to decode, over 40 ms in one task.
 */
function restoreArrays(value: unknown, arrays: AnyTypedArray[]): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      const v: unknown = value[k]
      if (v !== null && typeof v === 'object') value[k] = restoreArrays(v, arrays)
    }
    return value
  }
  const obj = value as Record<string, unknown>
  if ('$ta' in obj && 'i' in obj) {
    const { $ta, i } = obj as { $ta: TypedArrayName; i: number }
    const Ctor = TYPES[$ta]
    const raw = arrays[i]
    if (!Ctor || !raw) throw new Error(`wire: bad typed array reference ${String($ta)}#${String(i)}`)
    const buf = (raw as Uint8Array).buffer as ArrayBuffer
    return new Ctor(buf, 0, raw.byteLength / Ctor.BYTES_PER_ELEMENT)
  }
  for (const key of Object.keys(obj)) {
    const v = obj[key]
    if (v === null || typeof v !== 'object') continue
    const restored = restoreArrays(v, arrays)
    // Own data property, even for a key such as "__proto__" (plain assignment would set the prototype).
    if (restored !== v) Object.defineProperty(obj, key, { value: restored, writable: true, enumerable: true, configurable: true })
  }
  return obj
}
