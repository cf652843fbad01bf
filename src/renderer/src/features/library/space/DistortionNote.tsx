/** How much the layout distorts: neighbour preservation, explained variance, t-SNE sampling. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SpaceProjection } from '@shared/contract/space'

export function DistortionNote({ projection }: { projection: SpaceProjection }): ReactNode {
  const { t } = useTranslation()
  const pct = Math.round(projection.preservation * 100)
  const variance = projection.explained.reduce((s, v) => s + v, 0)
  const n = projection.coords.length / projection.dims
  return (
    <p className="space-note" data-testid="space-distortion" data-preservation={projection.preservation.toFixed(3)}>
      {t('space.distortion', { pct })}
      {projection.method === 'pca' && ` ${t('space.variance', { pct: Math.round(variance * 100), dims: projection.dims })}`}
      {projection.method === 'tsne' && projection.sampled < n && ` ${t('space.tsneSample', { sampled: projection.sampled, n })}`}
    </p>
  )
}
