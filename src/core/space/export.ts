/**
 * Exports of a library's space: the TensorFlow Embedding Projector's pair of TSV files
 * (vectors.tsv: one vector per line; metadata.tsv: a header row, then one row per vector) and
 * one JSON file with chunks, vectors and the current layout.
 */
import type { SpaceExportFile, SpaceProjection } from '../../shared/contract/space'
import type { SpaceData } from './data'

/** TSV cells may not hold tabs or line breaks: they become spaces. */
const cell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ')

const AXES = ['x', 'y', 'z']

function rowVector(d: SpaceData, i: number): number[] {
  const dim = d.points.dim
  return Array.from(d.vectors.subarray(i * dim, (i + 1) * dim), (v) => Number(v.toFixed(6)))
}

/** vectors.tsv + metadata.tsv (columns: text, document, each metadata column, then layout axes). */
export function projectorFiles(d: SpaceData, layout: SpaceProjection | null): SpaceExportFile[] {
  const { points } = d
  const vectors = Array.from({ length: points.n }, (_, i) => rowVector(d, i).join('\t')).join('\n')
  const axes = layout ? AXES.slice(0, layout.dims).map((a) => `${layout.method}_${a}`) : []
  const header = ['text', 'document', ...points.meta.map((m) => cell(m.name)), ...axes].join('\t')
  const rows = d.texts.map((text, i) => {
    const meta = points.meta.map((m) => cell(m.values[m.index[i]!] ?? ''))
    const xyz = layout ? Array.from(layout.coords.subarray(i * layout.dims, (i + 1) * layout.dims), (v) => v.toFixed(5)) : []
    return [cell(text) || ' ', cell(points.documents[points.documentIndex[i]!] ?? ''), ...meta, ...xyz].join('\t')
  })
  return [
    { name: 'vectors.tsv', mime: 'text/tab-separated-values', text: `${vectors}\n` },
    { name: 'metadata.tsv', mime: 'text/tab-separated-values', text: `${[header, ...rows].join('\n')}\n` }
  ]
}

/** One JSON document: the library's model and dimension, the layout's method, and every chunk. */
export function jsonFile(d: SpaceData, layout: SpaceProjection | null): SpaceExportFile {
  const { points } = d
  const body = {
    format: 'llm-explorer-space/1',
    libraryId: points.libraryId,
    modelId: points.modelId,
    dim: points.dim,
    layout: layout && { method: layout.method, dims: layout.dims, preservation: layout.preservation },
    chunks: points.ids.map((id, i) => ({
      id,
      document: points.documents[points.documentIndex[i]!],
      text: d.texts[i],
      meta: Object.fromEntries(points.meta.flatMap((m) => (m.index[i]! >= 0 ? [[m.name, m.values[m.index[i]!]]] : []))),
      coords: layout ? Array.from(layout.coords.subarray(i * layout.dims, (i + 1) * layout.dims), (v) => Number(v.toFixed(5))) : null,
      vector: rowVector(d, i)
    }))
  }
  return { name: 'space.json', mime: 'application/json', text: JSON.stringify(body) }
}
