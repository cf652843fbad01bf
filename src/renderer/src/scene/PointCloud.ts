/**
 * The point cloud as mutable three.js objects, outside React: one `THREE.Points` (one draw call
 * for every point) whose attributes the explorer writes directly, then asks for one frame with
 * `invalidate()`. Layout changes animate on the GPU (see pointsMaterial.ts).
 */
import { BufferAttribute, BufferGeometry, Color, Points, Sphere, Vector3 } from 'three'
import { createPointsMaterial, FLAG, setRoundPoints } from './pointsMaterial'

/** Clouds up to this size draw round points; larger ones (points of a few px) square ones. */
export const ROUND_MAX_POINTS = 20_000

/** Length of a layout change, ms. */
export const TRANSITION_MS = 900

const ease = (t: number): number => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2)

export class PointCloud {
  readonly geometry = new BufferGeometry()
  readonly material = createPointsMaterial()
  readonly points = new Points(this.geometry, this.material)
  n = 0
  dims: 2 | 3 = 3
  private animStart = -1
  /** Clear colour of the canvas (the theme's --bg). */
  readonly background = new Color('#f7f7f9')
  /** Frames drawn so far (benchmarks compare it with a bare three.js scene). */
  frames = 0
  /** Set by the scene once the canvas exists: requests one frame (frameloop="demand"). */
  invalidate: () => void = () => undefined
  /** Set by the scene: frames the whole cloud. */
  fit: () => void = () => undefined
  /** Set by the scene: renders now and returns the canvas as a PNG data URL. */
  capture: () => string = () => ''
  /** Set by the scene: CSS-pixel position of point i in the canvas, or null if off-screen. */
  screenPosition: (i: number) => { x: number; y: number } | null = () => null

  /** Connects the cloud to a canvas (called by EmbeddingScene). `pointScale`: canvas height in px / 2. */
  attach(bindings: { invalidate(): void; fit(): void; capture(): string; screenPosition(i: number): { x: number; y: number } | null; pointScale: number }): void {
    this.invalidate = bindings.invalidate
    this.fit = bindings.fit
    this.capture = bindings.capture
    this.screenPosition = bindings.screenPosition
    this.material.uniforms.uScale!.value = bindings.pointScale
    this.invalidate()
  }

  constructor() {
    this.points.frustumCulled = false
  }

  private attr(name: string, size: number, fill = 0): BufferAttribute {
    const a = this.geometry.getAttribute(name) as BufferAttribute | undefined
    if (a && a.count === this.n) return a
    const fresh = new BufferAttribute(new Float32Array(this.n * size).fill(fill), size)
    this.geometry.setAttribute(name, fresh)
    return fresh
  }

  /** Current (possibly mid-transition) position of every point, [n, 3]. */
  private currentPositions(): Float32Array {
    const to = this.attr('position', 3).array as Float32Array
    const from = this.attr('aFrom', 3).array as Float32Array
    const m = this.material.uniforms.uMix!.value as number
    if (m >= 1) return to.slice()
    return to.map((v, i) => from[i]! + (v - from[i]!) * m)
  }

  /**
   * Shows a layout: `coords` [n, dims] in the unit box. With `animate`, points glide from where
   * they are. A different n resets the cloud (no animation).
   */
  setLayout(coords: Float32Array, dims: 2 | 3, animate: boolean): void {
    const n = coords.length / dims
    const resized = n !== this.n
    const from = resized ? null : this.currentPositions()
    this.n = n
    this.dims = dims
    const pos = this.attr('position', 3)
    const arr = pos.array as Float32Array
    for (let i = 0; i < n; i++) {
      arr[i * 3] = coords[i * dims]!
      arr[i * 3 + 1] = coords[i * dims + 1]!
      arr[i * 3 + 2] = dims === 3 ? coords[i * dims + 2]! : 0
    }
    pos.needsUpdate = true
    const fromAttr = this.attr('aFrom', 3)
    ;(fromAttr.array as Float32Array).set(from && animate ? from : arr)
    fromAttr.needsUpdate = true
    this.attr('color', 3, 0.5)
    this.attr('aFlag', 1, FLAG.normal)
    this.material.uniforms.uSize!.value = Math.min(0.08, Math.max(0.008, 0.45 / Math.cbrt(Math.max(n, 1))))
    setRoundPoints(this.material, n <= ROUND_MAX_POINTS)
    this.geometry.boundingSphere = new Sphere(new Vector3(), Math.sqrt(dims))
    this.material.uniforms.uMix!.value = animate && !resized ? 0 : 1
    this.animStart = animate && !resized ? -2 : -1
    this.invalidate()
  }

  /** Advances a running transition; returns true while more frames are needed. */
  tick(now: number): boolean {
    this.frames++
    if (this.animStart === -1) return false
    if (this.animStart === -2) this.animStart = now
    const t = Math.min(1, (now - this.animStart) / TRANSITION_MS)
    this.material.uniforms.uMix!.value = ease(t)
    if (t < 1) return true
    this.animStart = -1
    return false
  }

  get animating(): boolean {
    return this.animStart !== -1
  }

  /** Per-point colours, [n, 3] RGB in 0…1. */
  setColors(rgb: Float32Array): void {
    const a = this.attr('color', 3)
    ;(a.array as Float32Array).set(rgb.subarray(0, this.n * 3))
    a.needsUpdate = true
    this.invalidate()
  }

  /** Flags: points in `hits` highlighted (the rest dimmed if `dimOthers`), `selected` on top. */
  setFlags(hits: number[], selected: number | null, dimOthers: boolean): void {
    const a = this.attr('aFlag', 1)
    const f = a.array as Float32Array
    f.fill(dimOthers && hits.length > 0 ? FLAG.dimmed : FLAG.normal)
    for (const i of hits) if (i < this.n) f[i] = FLAG.hit
    if (selected !== null && selected < this.n) f[selected] = FLAG.selected
    a.needsUpdate = true
    this.invalidate()
  }

  /** Background the dimmed points fade towards (the theme's --bg). */
  setBackground(css: string): void {
    this.background.set(css)
    ;(this.material.uniforms.uBackground!.value as Color).set(css)
    this.invalidate()
  }

  /** Position of point i as the cloud shows it when settled. */
  position(i: number): Vector3 {
    const arr = this.attr('position', 3).array as Float32Array
    return new Vector3(arr[i * 3], arr[i * 3 + 1], arr[i * 3 + 2])
  }

  dispose(): void {
    this.geometry.dispose()
    this.material.dispose()
  }
}
