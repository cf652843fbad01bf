/**
 * Channels of the embedding-space explorer: a library's chunk vectors projected to 2D/3D (PCA at
 * once; UMAP and t-SNE as jobs on a worker thread, cached per library and model), semantic search
 * placed in the same space, nearest neighbours in full dimension, k-means clusters, exports.
 * Large arrays travel as typed arrays.
 */
import { z } from 'zod'
import type { JobInfo } from '../types'
import { channel } from './channel'

export const PROJECTION_METHODS = ['pca', 'umap', 'tsne'] as const
export type ProjectionMethod = (typeof PROJECTION_METHODS)[number]
/** How a query point was placed: `exact` (PCA), `transform` (umap-js), `neighbours` (weighted mean of its 10 nearest). */
export type Placement = 'exact' | 'transform' | 'neighbours'

/** A layout of every chunk of a library. Row i of `coords` is chunk i of {@link SpacePoints}. */
export interface SpaceProjection {
  libraryId: string
  modelId: string
  method: ProjectionMethod
  dims: 2 | 3
  /** [n, dims], every coordinate in [−1, 1]. */
  coords: Float32Array
  /** Share of each point's 10 nearest neighbours (full dimension, cosine) still among its 10 nearest in the layout; 0…1, averaged over ≤ 300 sampled points. */
  preservation: number
  /** Points the method itself laid out (t-SNE: a sample; the others were placed by neighbours). */
  sampled: number
  /** PCA only: share of variance along each axis (0…1). */
  explained: number[]
  /** Seconds the layout took when it was computed. */
  seconds: number
}

export interface MetaColumn {
  name: string
  /** Distinct values; `index[i]` is chunk i's value (−1: none). */
  values: string[]
  index: Int32Array
}

/** Every chunk of a library, light: what the scene needs to draw, colour and hover. */
export interface SpacePoints {
  libraryId: string
  modelId: string
  n: number
  /** Full embedding dimension. */
  dim: number
  ids: string[]
  /** Document names; `documentIndex[i]` is chunk i's document. */
  documents: string[]
  documentIndex: Int32Array
  /** The first 200 characters of each chunk (hover). */
  previews: string[]
  meta: MetaColumn[]
}

export interface SpaceHit {
  index: number
  /** Cosine similarity in full dimension, −1…1. */
  score: number
}

export interface SpaceSearchResult {
  hits: SpaceHit[]
  /** [n] cosine similarity of every chunk to the query (colour by similarity). */
  similarities: Float32Array
  /** The query's place in the layout ([dims]), or null if no layout was given. */
  coords: number[] | null
  placement: Placement | null
}

export interface SpaceNeighbours {
  chunk: { index: number; id: string; text: string; documentName: string; start: number; end: number; meta: Record<string, string> }
  neighbours: SpaceHit[]
}

export interface SpaceClusters {
  k: number
  /** [n] cluster 0…k−1 of each chunk. */
  assignments: Int32Array
  sizes: number[]
  /** Up to 3 distinctive terms per cluster (TF-IDF-style; Chinese as character bigrams). */
  labels: string[][]
}

export interface SpaceExportFile {
  name: string
  mime: string
  text: string
}

const libraryId = z.string().min(1).max(100)
const method = z.enum(PROJECTION_METHODS)
const dims = z.union([z.literal(2), z.literal(3)])

export const spaceContract = {
  /** The chunks of a library (names, documents, metadata). Errors: BAD_REQUEST for an unknown library. */
  'space:points': channel<SpacePoints>()(z.object({ libraryId }).strict()),
  /**
   * A layout: the cached one if there is one for this library, model, method and dims, else a
   * job (`job:update` events) after which the same call returns the layout. PCA small enough
   * (≤ 5 000 points) is computed at once. `recompute` ignores the cache.
   */
  'space:project': channel<{ projection: SpaceProjection | null; job: JobInfo | null }>()(
    z.object({ libraryId, method, dims, recompute: z.boolean().default(false) }).strict()
  ),
  /** Embeds `query` with the library's model, ranks every chunk by cosine similarity, places the query in the layout. */
  'space:search': channel<SpaceSearchResult>()(
    z.object({ libraryId, query: z.string().trim().min(1).max(2000), k: z.number().int().min(1).max(100).default(10), method: method.optional(), dims: dims.optional() }).strict()
  ),
  /** Chunk `index` in full, with its `k` nearest neighbours by cosine similarity in full dimension. */
  'space:neighbours': channel<SpaceNeighbours>()(z.object({ libraryId, index: z.number().int().min(0), k: z.number().int().min(1).max(100).default(10) }).strict()),
  /** k-means (cosine) over the full-dimension vectors, with cluster labels. */
  'space:clusters': channel<SpaceClusters>()(z.object({ libraryId, k: z.number().int().min(2).max(30) }).strict()),
  /** Export: `projector` = vectors.tsv + metadata.tsv (TensorFlow Embedding Projector); `json` = chunks, vectors and the layout. */
  'space:export': channel<SpaceExportFile[]>()(z.object({ libraryId, format: z.enum(['projector', 'json']), method: method.optional(), dims: dims.optional() }).strict())
} as const

/** Events of the embedding-space explorer (progress travels as the shell's `job:update`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SpaceEvents {}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const spaceEventNames: (keyof SpaceEvents)[] = []
