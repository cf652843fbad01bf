/**
 * Layouts cached in the user-data folder, one per library, model, method and dims:
 * `<userData>/space/<libraryId>/<model>-<method>-<dims>.json` (fields) + `.f32` (coords,
 * little-endian float32). A layout is used only if its fingerprint matches the library's ids.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ProjectionMethod, SpaceProjection } from '../../shared/contract/space'

export interface CachedLayout {
  projection: SpaceProjection
  fingerprint: string
  /**
   * PCA only: the fitted transform in display units, so queries are placed exactly:
   * coords[c] = Σ_j (q[j] − mean[j]) · components[c, j] − offset[c]; mean [dim], components [dims, dim].
   */
  pca: { mean: number[]; components: number[]; offset: number[] } | null
}

const safe = (s: string): string => s.replace(/[^a-zA-Z0-9._-]/g, '_')

export class LayoutCache {
  constructor(private readonly userDataDir: string) {}

  private base(libraryId: string, modelId: string, method: ProjectionMethod, dims: number): string {
    return join(this.userDataDir, 'space', safe(libraryId), `${safe(modelId)}-${method}-${dims}`)
  }

  /** The cached layout, or null if none, unreadable, or made for other ids (fingerprint). */
  async read(libraryId: string, modelId: string, method: ProjectionMethod, dims: 2 | 3, fingerprint: string): Promise<CachedLayout | null> {
    const base = this.base(libraryId, modelId, method, dims)
    try {
      const head = JSON.parse(await readFile(`${base}.json`, 'utf8')) as Omit<CachedLayout, 'projection'> & { projection: Omit<SpaceProjection, 'coords'> }
      if (head.fingerprint !== fingerprint) return null
      const bytes = await readFile(`${base}.f32`)
      const coords = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
      return { ...head, projection: { ...head.projection, coords } }
    } catch {
      return null
    }
  }

  /** Writes coords then fields (each via a temp file + rename, so a crash leaves no half layout). */
  async write(layout: CachedLayout): Promise<void> {
    const { projection: p } = layout
    const base = this.base(p.libraryId, p.modelId, p.method, p.dims)
    await mkdir(join(this.userDataDir, 'space', safe(p.libraryId)), { recursive: true })
    await writeFile(`${base}.f32.tmp`, new Uint8Array(p.coords.buffer, p.coords.byteOffset, p.coords.byteLength))
    await rename(`${base}.f32.tmp`, `${base}.f32`)
    const { coords: _coords, ...fields } = p
    await writeFile(`${base}.json.tmp`, JSON.stringify({ ...layout, projection: fields }))
    await rename(`${base}.json.tmp`, `${base}.json`)
  }

  /** Forgets every layout of a library. */
  async clear(libraryId: string): Promise<void> {
    await rm(join(this.userDataDir, 'space', safe(libraryId)), { recursive: true, force: true })
  }
}
