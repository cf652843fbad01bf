/**
 * LanceDB table layouts of a library and the conversions to and from Arrow.
 *   docs_<libraryId>               one row per document
 *   chunks_<libraryId>_g<gen>      one row per chunk, with its vector (FixedSizeList<float32>[dim])
 */
import { Field, FixedSizeList, Float32, Float64, Int32, Schema, Utf8, type Table as ArrowTable } from 'apache-arrow'

export const docsTable = (libraryId: string): string => `docs_${libraryId}`
export const chunksTable = (libraryId: string, generation: number): string => `chunks_${libraryId}_g${generation}`

/** A document row as stored. */
export interface DocumentRow {
  id: string
  name: string
  format: string
  encoding: string
  bytes: number
  chunks: number
  addedAt: number
}

/** A chunk row as stored; `meta` is a JSON object of strings, `hash` the normalised text's SHA-256 prefix. */
export interface ChunkRow {
  id: string
  documentId: string
  documentName: string
  text: string
  start: number
  end: number
  meta: string
  hash: string
  vector: Float32Array
}

export const docsSchema = new Schema([
  new Field('id', new Utf8()),
  new Field('name', new Utf8()),
  new Field('format', new Utf8()),
  new Field('encoding', new Utf8()),
  new Field('bytes', new Float64()),
  new Field('chunks', new Int32()),
  new Field('addedAt', new Float64())
])

/** Schema of a chunk table whose vectors have `dim` components. */
export function chunksSchema(dim: number): Schema {
  return new Schema([
    new Field('id', new Utf8()),
    new Field('documentId', new Utf8()),
    new Field('documentName', new Utf8()),
    new Field('text', new Utf8()),
    new Field('start', new Int32()),
    new Field('end', new Int32()),
    new Field('meta', new Utf8()),
    new Field('hash', new Utf8()),
    new Field('vector', new FixedSizeList(dim, new Field('item', new Float32(), true)))
  ])
}

/** Quotes a string for a LanceDB SQL filter. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`
}

/**
 * Copies the `vector` column of an Arrow table (one or more record batches) into one row-major
 * Float32Array `[rows, dim]`.
 */
export function vectorColumn(table: ArrowTable, dim: number): Float32Array {
  const out = new Float32Array(table.numRows * dim)
  const col = table.getChild('vector')
  if (!col) return out
  let row = 0
  for (const data of col.data) {
    const child = data.children[0]
    const values = child?.values as Float32Array | undefined
    if (values && child && data.offset === 0 && child.offset === 0 && values.length >= data.length * dim) {
      out.set(values.subarray(0, data.length * dim), row * dim) // fast path: an unsliced batch
      row += data.length
      continue
    }
    for (let i = 0; i < data.length; i++, row++) {
      const v = col.get(row) as { toArray(): Float32Array } | null
      if (v) out.set(v.toArray(), row * dim)
    }
  }
  return out
}

/** The string column `name` of an Arrow table as a JS array. */
export function stringColumn(table: ArrowTable, name: string): string[] {
  const col = table.getChild(name)
  return col ? (col.toArray() as string[]).map(String) : []
}
