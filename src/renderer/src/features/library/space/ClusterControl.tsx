/** k-means: a k slider and a button; clusters then colour the points and name the legend. */
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { cluster } from './actions'
import { useSpaceStore } from './store'

export function ClusterControl(): ReactNode {
  const { t } = useTranslation()
  const { clustering, clusters, points } = useSpaceStore()
  const [k, setK] = useState(useSpaceStore.getState().k)
  const max = Math.max(2, Math.min(30, points?.n ?? 2))
  return (
    <div className="space-cluster">
      <label className="space-field">
        {t('space.clusters', { k })}
        <input type="range" min={2} max={max} value={Math.min(k, max)} data-testid="space-k" aria-valuetext={String(k)} onChange={(e) => setK(Number(e.target.value))} />
      </label>
      <button type="button" data-testid="space-cluster-run" disabled={clustering || !points} onClick={() => void cluster(Math.min(k, max))}>
        {clustering ? t('space.clustering') : t('space.cluster')}
      </button>
      {clusters && <span className="space-muted" data-testid="space-cluster-done" data-k={clusters.k}>{t('space.clustered', { k: clusters.k })}</span>}
    </div>
  )
}
