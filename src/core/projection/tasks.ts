/**
 * The tasks the projection worker runs, as plain functions (the worker entry only routes
 * messages to them, so they are unit-tested without a thread).
 */
import { clusterTerms } from './terms'
import { kMeans } from './kmeans'
import { neighbourPreservation } from './neighbours'
import { type Frame, normaliseLayout, toFrame } from './normalise'
import { type PcaModel, fitPca, pcaTransform } from './pca'
import { fitTsne } from './tsne'
import { type Matrix, type Placement, type ProjectionMethod, type Progress, matrix } from './types'
import { type UmapModel, fitUmap, umapTransform } from './umap'

export interface LayoutArgs {
  /** Identifies the fitted model kept for later {@link PlaceArgs} (library, model, method, dims). */
  key: string
  method: ProjectionMethod
  dims: 2 | 3
  /** [n, dim] L2-normalised. */
  vectors: Float32Array
  dim: number
}

export interface LayoutResult {
  /** [n, dims] in the unit box (see normalise.ts). */
  coords: Float32Array
  frame: Frame
  /** Share of 10 nearest neighbours kept (see neighbourPreservation), 0…1. */
  preservation: number
  /** For t-SNE: how many points t-SNE itself laid out (the rest were placed by neighbours). */
  sampled: number
  /** For PCA: share of variance per axis; its fitted model, so queries can be placed exactly later. */
  explained: number[]
  pca: { mean: Float64Array; components: Float64Array } | null
  /** Wall-clock seconds of the layout itself, and of the distortion measurement after it. */
  seconds: number
  checkSeconds: number
}

export interface PlaceArgs {
  key: string
  /** [dim] query vector. */
  query: Float32Array
  dim: number
}

export interface KMeansArgs {
  vectors: Float32Array
  dim: number
  k: number
  texts: string[]
}

export interface KMeansTaskResult {
  assignments: Int32Array
  sizes: number[]
  labels: string[][]
}

type Fitted = { kind: 'pca'; model: PcaModel; frame: Frame } | { kind: 'umap'; model: UmapModel; frame: Frame }

/** Fitted models the worker keeps for placing queries (few: the most recent per key). */
export class ModelMemory {
  private readonly models = new Map<string, Fitted>()
  constructor(private readonly max = 6) {}
  set(key: string, f: Fitted): void {
    this.models.delete(key)
    this.models.set(key, f)
    while (this.models.size > this.max) this.models.delete(this.models.keys().next().value!)
  }
  get(key: string): Fitted | undefined {
    return this.models.get(key)
  }
}

/** Fits a layout of `args.vectors` and measures its neighbour preservation. */
export function runLayout(args: LayoutArgs, memory: ModelMemory, onProgress: Progress): LayoutResult {
  const start = performance.now()
  const x = matrix(args.vectors, args.vectors.length / args.dim, args.dim)
  let layout: Matrix
  let sampled = x.rows
  let explained: number[] = []
  let pca: PcaModel | null = null
  let umap: UmapModel | null = null
  if (args.method === 'pca') {
    pca = fitPca(x, Math.min(args.dims, x.cols), onProgress)
    layout = pcaTransform(pca, x)
    explained = pca.explained
    if (layout.cols < args.dims) layout = padColumns(layout, args.dims)
  } else if (args.method === 'umap') {
    ;({ layout, model: umap } = fitUmap(x, args.dims, onProgress))
  } else ({ layout, sampled } = fitTsne(x, args.dims, onProgress))
  const frame = normaliseLayout(layout)
  if (pca) memory.set(args.key, { kind: 'pca', model: pca, frame })
  if (umap) memory.set(args.key, { kind: 'umap', model: umap, frame })
  const seconds = (performance.now() - start) / 1000
  onProgress('preservation', 0, 1)
  const preservation = neighbourPreservation(x, layout, 10)
  const checkSeconds = (performance.now() - start) / 1000 - seconds
  return { coords: layout.data, frame, preservation, sampled, explained, pca: pca && { mean: pca.mean, components: pca.components }, seconds, checkSeconds }
}

function padColumns(m: Matrix, cols: number): Matrix {
  const out = new Float32Array(m.rows * cols)
  for (let i = 0; i < m.rows; i++) out.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), i * cols)
  return { data: out, rows: m.rows, cols }
}

/**
 * Places a query in a layout with the fitted transform this worker still holds: exactly for PCA,
 * with umap-js `transform` for UMAP. Returns null when it holds none (t-SNE, or a layout loaded
 * from the cache): the caller then uses {@link placeByNeighbours}.
 */
export function runPlace(args: PlaceArgs, memory: ModelMemory): { coords: number[]; placement: Placement } | null {
  const fitted = memory.get(args.key)
  const q = matrix(args.query, 1, args.dim)
  if (fitted?.kind === 'pca') return { coords: toFrame(fitted.frame, pcaTransform(fitted.model, q).data), placement: 'exact' }
  if (fitted?.kind === 'umap') return { coords: toFrame(fitted.frame, umapTransform(fitted.model, q).data), placement: 'transform' }
  return null
}

/** k-means plus distinctive-term labels for each cluster. */
export function runKMeans(args: KMeansArgs, onProgress: Progress): KMeansTaskResult {
  const x = matrix(args.vectors, args.vectors.length / args.dim, args.dim)
  const r = kMeans(x, args.k, { onProgress: (d, t) => onProgress('kmeans', d, t) })
  return { assignments: r.assignments, sizes: r.sizes, labels: clusterTerms(args.texts, r.assignments, args.k) }
}
