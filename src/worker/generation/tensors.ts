/** Input tensors for the generation model (onnxruntime-node only: the bench's bare loop uses them without transformers.js). */
import * as ort from 'onnxruntime-node'

/**
 * An int64 tensor of `values`, filled in place: BigInt64Array.from(values, BigInt) took ~10× as
 * long, once per generated token. (bench/generation.ts builds its bare loop's inputs with it too.)
 * @param dims its shape; the product must equal `values.length`
 */
export function int64Tensor(values: ArrayLike<number>, dims: number[]): ort.Tensor {
  const data = new BigInt64Array(values.length)
  for (let i = 0; i < values.length; i++) data[i] = BigInt(values[i]!)
  return new ort.Tensor('int64', data, dims)
}
