import { describe, expect, it } from 'vitest'
import type { SpacePoints } from '@shared/contract/space'
import { categoryColor, pointColors, rampColor, toRgb } from '../../../src/renderer/src/features/library/space/colours'

const points: SpacePoints = {
  libraryId: 'l',
  modelId: 'm',
  n: 4,
  dim: 2,
  ids: ['a', 'b', 'c', 'd'],
  documents: ['one.txt', 'two.txt'],
  documentIndex: Int32Array.from([0, 1, 1, 0]),
  previews: ['', '', '', ''],
  meta: [{ name: 'lang', values: ['en'], index: Int32Array.from([0, -1, 0, -1]) }]
}
const labels = { none: '(none)', cluster: (i: number, t: string[]) => `${i}:${t.join(',')}` }

describe('point colours', () => {
  it('colours by document with a counted legend', () => {
    const r = pointColors(points, 'document', { clusters: null, similarities: null }, labels)
    expect(r.legend).toEqual([
      { label: 'one.txt', color: categoryColor(0), count: 2 },
      { label: 'two.txt', color: categoryColor(1), count: 2 }
    ])
    expect(Array.from(r.rgb.subarray(0, 3))).toEqual(Array.from(r.rgb.subarray(9, 12)))
    expect(Array.from(r.rgb.subarray(0, 3))).not.toEqual(Array.from(r.rgb.subarray(3, 6)))
  })

  it('gives chunks without a metadata value their own grey entry', () => {
    const r = pointColors(points, 'meta:lang', { clusters: null, similarities: null }, labels)
    expect(r.legend.map((e) => [e.label, e.count])).toEqual([['en', 2], ['(none)', 2]])
  })

  it('names clusters by their terms and ramps similarity from least to most', () => {
    const clusters = { k: 2, assignments: Int32Array.from([1, 1, 0, 0]), sizes: [2, 2], labels: [['x'], ['y', 'z']] }
    expect(pointColors(points, 'cluster', { clusters, similarities: null }, labels).legend.map((e) => e.label)).toEqual(['0:x', '1:y,z'])
    const r = pointColors(points, 'similarity', { clusters: null, similarities: Float32Array.from([0.1, 0.9, 0.5, 0.1]) }, labels)
    expect(r.ramp![0]).toBeCloseTo(0.1, 6)
    expect(r.ramp![1]).toBeCloseTo(0.9, 6)
    expect(Array.from(r.rgb.subarray(3, 6))).toEqual(rampColor(1).map((v) => Math.fround(v)))
  })

  it('parses hex and hsl colours, and keeps colours stable past the palette', () => {
    expect(toRgb('#ff0080')).toEqual([1, 0, 128 / 255])
    const [r, g, b] = toRgb('hsl(120, 100%, 50%)')
    expect([r, g, b].map((v) => Math.round(v * 255))).toEqual([0, 255, 0])
    expect(categoryColor(20)).toBe(categoryColor(20))
    expect(categoryColor(-1)).toBe('#9aa0ab')
  })
})
