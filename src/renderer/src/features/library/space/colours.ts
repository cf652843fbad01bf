/**
 * Point colours and legends for each "colour by" mode. Pure functions (unit-tested under Node).
 * Categorical colours: a 12-colour palette chosen here for contrast on light and dark
 * backgrounds, then golden-angle hues beyond 12. Similarity: a blue → yellow ramp.
 */
import type { SpaceClusters, SpacePoints } from '@shared/contract/space'

export type ColourMode = 'document' | 'cluster' | 'similarity' | `meta:${string}`

export interface LegendEntry {
  label: string
  /** CSS colour. */
  color: string
  count: number
}

const PALETTE = ['#4c6ef5', '#f76707', '#2f9e44', '#e03131', '#ae3ec9', '#1098ad', '#f59f00', '#d6336c', '#5c940d', '#7048e8', '#0b7285', '#a61e4d']
const NONE = '#9aa0ab'

/** Colour of category `i` (stable: same index, same colour). */
export function categoryColor(i: number): string {
  if (i < 0) return NONE
  if (i < PALETTE.length) return PALETTE[i]!
  const hue = (i * 137.508) % 360
  return `hsl(${hue.toFixed(1)}, 62%, 52%)`
}

/** A CSS colour (#rrggbb or hsl(h, s%, l%)) as RGB in 0…1. */
export function toRgb(css: string): [number, number, number] {
  if (css.startsWith('#')) return [1, 3, 5].map((o) => parseInt(css.slice(o, o + 2), 16) / 255) as [number, number, number]
  const [h, s, l] = (css.match(/[\d.]+/g) ?? ['0', '0', '50']).map(Number) as [number, number, number]
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100)
  const f = (n: number): number => {
    const k = (n + h / 30) % 12
    return l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
  }
  return [f(0), f(8), f(4)]
}

/** Similarity ramp: t = 0 (least similar) dark blue → 1 (most) yellow. */
export function rampColor(t: number): [number, number, number] {
  const stops: [number, number, number][] = [[0.17, 0.11, 0.42], [0.13, 0.45, 0.56], [0.35, 0.75, 0.39], [0.99, 0.91, 0.14]]
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1)
  const i = Math.min(stops.length - 2, Math.floor(x))
  const f = x - i
  return [0, 1, 2].map((c) => stops[i]![c]! + (stops[i + 1]![c]! - stops[i]![c]!) * f) as [number, number, number]
}

function categorical(n: number, index: ArrayLike<number>, labels: string[], noneLabel: string): { rgb: Float32Array; legend: LegendEntry[] } {
  const rgb = new Float32Array(n * 3)
  const counts = new Array<number>(labels.length).fill(0)
  let none = 0
  const cache = new Map<number, [number, number, number]>()
  for (let i = 0; i < n; i++) {
    const c = index[i]!
    if (c >= 0) counts[c]!++
    else none++
    let col = cache.get(c)
    if (!col) cache.set(c, (col = toRgb(categoryColor(c))))
    rgb.set(col, i * 3)
  }
  const legend = labels.map((label, i) => ({ label, color: categoryColor(i), count: counts[i]! }))
  if (none > 0) legend.push({ label: noneLabel, color: NONE, count: none })
  return { rgb, legend }
}

/**
 * Colours of every point for `mode`. Cluster mode needs `clusters`, similarity mode
 * `similarities` ([n]); without them every point is grey and the legend empty.
 * `labels.none` names points without a value; cluster labels come from `labels.cluster(i, terms)`.
 */
export function pointColors(
  points: SpacePoints,
  mode: ColourMode,
  extra: { clusters: SpaceClusters | null; similarities: Float32Array | null },
  labels: { none: string; cluster(i: number, terms: string[]): string }
): { rgb: Float32Array; legend: LegendEntry[]; ramp: [number, number] | null } {
  const n = points.n
  if (mode === 'document') return { ...categorical(n, points.documentIndex, points.documents, labels.none), ramp: null }
  if (mode === 'cluster' && extra.clusters) {
    const c = extra.clusters
    return { ...categorical(n, c.assignments, c.labels.map((t, i) => labels.cluster(i, t)), labels.none), ramp: null }
  }
  if (mode === 'similarity' && extra.similarities) {
    const s = extra.similarities
    let lo = Infinity
    let hi = -Infinity
    for (const v of s) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)]
    const rgb = new Float32Array(n * 3)
    for (let i = 0; i < n; i++) rgb.set(rampColor((s[i]! - lo) / (hi - lo || 1)), i * 3)
    return { rgb, legend: [], ramp: [lo, hi] }
  }
  if (mode.startsWith('meta:')) {
    const col = points.meta.find((m) => `meta:${m.name}` === mode)
    if (col) return { ...categorical(n, col.index, col.values, labels.none), ramp: null }
  }
  return { rgb: new Float32Array(n * 3).fill(0.6), legend: [], ramp: null }
}
