/** Handlers of the embedding-space channels (src/shared/contract/space.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { SpaceClusters, spaceContract } from '../../shared/contract/space'
import { AppError } from '../../shared/errors'
import type { CoreContext } from '../context'
import { topKCosine } from '../projection/neighbours'
import { matrix, row } from '../projection/types'
import { SpaceDataCache } from './data'
import { jsonFile, projectorFiles } from './export'
import { Layouts } from './layouts'

export function createSpaceHandlers(ctx: CoreContext): HandlersOf<typeof spaceContract> {
  const data = new SpaceDataCache(ctx.options.userDataDir)
  const layouts = new Layouts(ctx.options.userDataDir, ctx.jobs)
  const clusters = new Map<string, { fingerprint: string; result: Promise<SpaceClusters> }>()

  /** Embeds a query with the library's model. @throws AppError BAD_REQUEST if the library has no model or the dimension differs. */
  async function embedQuery(modelId: string, dim: number, query: string): Promise<Float32Array> {
    if (modelId === 'imported') throw new AppError('BAD_REQUEST', 'This library holds imported vectors without a model, so a query cannot be embedded. Re-embed it with a bundled model to search.')
    const r = await ctx.host.request('embed', { modelId, texts: [query], kind: 'query' })
    if (r.dim !== dim) throw new AppError('BAD_REQUEST', `The model ${modelId} gives ${r.dim}-dimensional vectors but the library holds ${dim}; re-embed the library.`)
    return r.vectors.subarray(0, dim)
  }

  return {
    'space:points': async (req) => (await data.get(req.libraryId)).points,

    'space:project': async (req) => layouts.project(await data.get(req.libraryId), req.method, req.dims, req.recompute),

    'space:search': async (req) => {
      const d = await data.get(req.libraryId)
      const q = await embedQuery(d.points.modelId, d.points.dim, req.query)
      const x = matrix(d.vectors, d.points.n, d.points.dim)
      const similarities = new Float32Array(d.points.n)
      const norm = Math.hypot(...q) || 1
      for (let i = 0; i < d.points.n; i++) {
        const r = row(x, i)
        let s = 0
        for (let j = 0; j < r.length; j++) s += r[j]! * q[j]!
        similarities[i] = s / norm
      }
      const hits = topKCosine(x, q, Math.min(req.k, d.points.n))
      const placed = req.method && req.dims ? await layouts.place(d, req.method, req.dims, q) : null
      return { hits, similarities, coords: placed?.coords ?? null, placement: placed?.placement ?? null }
    },

    'space:neighbours': async (req) => {
      const d = await data.get(req.libraryId)
      if (req.index >= d.points.n) throw new AppError('BAD_REQUEST', `The library has ${d.points.n} chunks; there is no chunk ${req.index}.`)
      const x = matrix(d.vectors, d.points.n, d.points.dim)
      const id = d.points.ids[req.index]!
      const [c] = await (await data.store()).chunks(req.libraryId, [id])
      if (!c) throw new AppError('BAD_REQUEST', `Chunk ${id} is no longer in the library; reopen the explorer.`)
      return {
        chunk: { index: req.index, id, text: c.text, documentName: c.documentName, start: c.start, end: c.end, meta: c.meta },
        neighbours: topKCosine(x, row(x, req.index), Math.min(req.k, d.points.n - 1), req.index)
      }
    },

    'space:clusters': async (req) => {
      const d = await data.get(req.libraryId)
      if (req.k > d.points.n) throw new AppError('BAD_REQUEST', `Cannot make ${req.k} clusters of ${d.points.n} chunks; choose a smaller k.`)
      const key = `${req.libraryId}/${req.k}`
      const hit = clusters.get(key)
      if (hit?.fingerprint === d.fingerprint) return hit.result
      const result = layouts.quick.run('kmeans', { vectors: d.vectors, dim: d.points.dim, k: req.k, texts: d.texts }).then((r) => ({ k: req.k, ...r }))
      clusters.set(key, { fingerprint: d.fingerprint, result })
      result.catch(() => clusters.delete(key))
      return result
    },

    'space:export': async (req) => {
      const d = await data.get(req.libraryId)
      const layout = req.method && req.dims ? ((await layouts.cached(d, req.method, req.dims))?.projection ?? null) : null
      return req.format === 'projector' ? projectorFiles(d, layout) : [jsonFile(d, layout)]
    }
  }
}
