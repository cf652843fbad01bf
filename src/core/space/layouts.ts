/**
 * Layouts on demand: from the cache if there is one, else computed on a worker thread (a job with
 * progress for UMAP, t-SNE and large PCA; small PCA at once) and cached. Also places a query in a
 * layout with the same fitted transform where one exists.
 */
import { AppError } from '../../shared/errors'
import type { Placement, ProjectionMethod, SpaceProjection } from '../../shared/contract/space'
import type { JobInfo } from '../../shared/types'
import type { JobRegistry } from '../jobs/jobs'
import { placeByNeighbours, topKCosine } from '../projection/neighbours'
import { ProjectionRunner } from '../projection/runner'
import { matrix } from '../projection/types'
import { type CachedLayout, LayoutCache } from './cache'
import type { SpaceData } from './data'

/** PCA of up to this many points is computed inside the request; larger ones run as a job with progress. */
export const PCA_INLINE_MAX = 5_000

export class Layouts {
  private readonly cache: LayoutCache
  /** UMAP and t-SNE (long); it keeps fitted UMAP models for placing queries. */
  readonly slow = new ProjectionRunner()
  /** PCA and k-means (short), so they never wait behind a UMAP run. */
  readonly quick = new ProjectionRunner()
  private readonly running = new Map<string, JobInfo>()

  constructor(
    userDataDir: string,
    private readonly jobs: JobRegistry
  ) {
    this.cache = new LayoutCache(userDataDir)
  }

  private key(d: SpaceData, method: ProjectionMethod, dims: number): string {
    return `${d.points.libraryId}/${d.points.modelId}/${method}/${dims}/${d.fingerprint}`
  }

  /** The cached layout or null (never computes). */
  async cached(d: SpaceData, method: ProjectionMethod, dims: 2 | 3): Promise<CachedLayout | null> {
    return this.cache.read(d.points.libraryId, d.points.modelId, method, dims, d.fingerprint)
  }

  /** A layout now (cached or small PCA), or the job computing it. */
  async project(d: SpaceData, method: ProjectionMethod, dims: 2 | 3, recompute: boolean): Promise<{ projection: SpaceProjection | null; job: JobInfo | null }> {
    if (!recompute) {
      const hit = await this.cached(d, method, dims)
      if (hit) return { projection: hit.projection, job: null }
    }
    const key = this.key(d, method, dims)
    const busy = this.running.get(key)
    if (busy && this.jobs.list().some((j) => j.id === busy.id && j.state === 'running')) return { projection: null, job: busy }
    if (method === 'pca' && d.points.n <= PCA_INLINE_MAX) return { projection: await this.compute(d, method, dims, key), job: null }
    const job = this.jobs.start(`space.jobs.${method}`, async (control) => {
      await this.compute(d, method, dims, key, control.signal, (s, done, total) => control.progress(s, done, total))
    })
    this.running.set(key, job)
    return { projection: null, job }
  }

  private async compute(d: SpaceData, method: ProjectionMethod, dims: 2 | 3, key: string, signal?: AbortSignal, onProgress?: (s: string, d: number, t: number) => void): Promise<SpaceProjection> {
    const runner = method === 'pca' ? this.quick : this.slow
    const r = await runner.run('layout', { key, method, dims, vectors: d.vectors, dim: d.points.dim }, { signal, onProgress })
    const projection: SpaceProjection = {
      libraryId: d.points.libraryId,
      modelId: d.points.modelId,
      method,
      dims,
      coords: r.coords,
      preservation: r.preservation,
      sampled: r.sampled,
      explained: r.explained,
      seconds: r.seconds
    }
    // The frame is folded into the stored PCA transform so a query maps straight into the unit box.
    const pca = r.pca && {
      mean: Array.from(r.pca.mean),
      components: Array.from(r.pca.components, (v) => v / r.frame.scale),
      offset: r.frame.centre.map((c) => c / r.frame.scale)
    }
    await this.cache.write({ projection, fingerprint: d.fingerprint, pca })
    return projection
  }

  /**
   * Places `query` ([dim]) in a cached layout: PCA exactly; UMAP with umap-js `transform` when the
   * worker still holds the fitted model and is free; otherwise (t-SNE, or UMAP after a restart)
   * at the similarity-weighted mean of its 10 nearest chunks.
   * @throws AppError BAD_REQUEST if that layout has not been computed.
   */
  async place(d: SpaceData, method: ProjectionMethod, dims: 2 | 3, query: Float32Array): Promise<{ coords: number[]; placement: Placement }> {
    const layout = await this.cached(d, method, dims)
    if (!layout) throw new AppError('BAD_REQUEST', `There is no ${method.toUpperCase()} ${dims}D layout of this library yet; compute it first.`)
    if (layout.pca) {
      const { mean, components, offset } = layout.pca
      const dim = mean.length
      const coords = offset.map((o, c) => {
        let s = 0
        for (let j = 0; j < dim; j++) s += (query[j]! - mean[j]!) * components[c * dim + j]!
        return s - o
      })
      return { coords, placement: 'exact' }
    }
    if (method === 'umap' && this.slow.idle) {
      const r = await this.slow.run('place', { key: this.key(d, method, dims), query, dim: d.points.dim })
      if (r) return r
    }
    const x = matrix(d.vectors, d.points.n, d.points.dim)
    const y = matrix(layout.projection.coords, d.points.n, dims)
    return { coords: Array.from(placeByNeighbours(y, topKCosine(x, query, 10))), placement: 'neighbours' }
  }

  async dispose(): Promise<void> {
    await Promise.all([this.slow.dispose(), this.quick.dispose()])
  }
}
