/**
 * Pushes the explorer's state into the point cloud when it changes (never per frame): layouts
 * (animated), colours, highlights. Returns the legend for the current colour mode.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { PointCloud } from '../../../scene/PointCloud'
import { pointColors, type LegendEntry } from './colours'
import { useSpaceStore } from './store'

export function useCloudSync(cloud: PointCloud): { legend: LegendEntry[]; ramp: [number, number] | null } {
  const { t } = useTranslation()
  const projection = useSpaceStore((s) => s.projection)
  const points = useSpaceStore((s) => s.points)
  const colour = useSpaceStore((s) => s.colour)
  const clusters = useSpaceStore((s) => s.clusters)
  const search = useSpaceStore((s) => s.search)
  const selected = useSpaceStore((s) => s.selected)
  const shown = useRef<{ method: string; dims: number } | null>(null)

  useEffect(() => {
    if (!projection) return
    const prev = shown.current
    const animate = prev !== null && cloud.n === projection.coords.length / projection.dims
    cloud.setLayout(projection.coords, projection.dims, animate)
    if (!prev || prev.dims !== projection.dims) cloud.fit()
    shown.current = { method: projection.method, dims: projection.dims }
  }, [cloud, projection])

  const colours = useMemo(
    () =>
      points && pointColors(points, colour, { clusters, similarities: search?.similarities ?? null }, {
        none: t('space.legend.none'),
        cluster: (i, terms) => (terms.length ? `${i + 1} · ${terms.join(' · ')}` : t('space.legend.cluster', { n: i + 1 }))
      }),
    [points, colour, clusters, search, t]
  )

  useEffect(() => {
    if (colours && projection) cloud.setColors(colours.rgb)
  }, [cloud, colours, projection])

  useEffect(() => {
    if (!projection) return
    cloud.setFlags(search?.hits.map((h) => h.index) ?? [], selected, true)
  }, [cloud, search, selected, projection])

  return { legend: colours?.legend ?? [], ramp: colours?.ramp ?? null }
}
