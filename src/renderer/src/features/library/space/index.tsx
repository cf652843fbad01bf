/**
 * The embedding-space explorer of one library: every chunk as a point in 2D/3D (PCA at once, UMAP
 * and t-SNE on request), hover to read, click for the chunk and its nearest neighbours, semantic
 * search placed in the same space, k-means clusters with labels, colour modes, exports.
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../app/EmptyState'
import { EmbeddingScene } from '../../../scene/EmbeddingScene'
import { PointCloud } from '../../../scene/PointCloud'
import { useStore } from '../../../stores'
import { jobFinished, openLibrary, select } from './actions'
import { ClusterControl } from './ClusterControl'
import { DistortionNote } from './DistortionNote'
import { Legend } from './Legend'
import { SearchBox } from './SearchBox'
import { SidePanel } from './SidePanel'
import { Toolbar } from './Toolbar'
import { Tooltip, type TooltipHandle } from './Tooltip'
import { useCloudSync } from './useCloudSync'
import { useSpaceStore } from './store'
import './space.css'

/** Ends a layout job: when the app store sees it finish, fetch the result. */
function useJobWatch(): void {
  const jobId = useSpaceStore((s) => s.jobId)
  const job = useStore((s) => (jobId ? s.jobs[jobId] : undefined))
  useEffect(() => {
    if (job && job.state !== 'running') void jobFinished(job.state, job.error)
  }, [job])
}

/** The theme's background, so dimmed points fade towards it. */
function useThemeBackground(cloud: PointCloud): void {
  const theme = useStore((s) => s.settings.theme)
  useEffect(() => {
    cloud.setBackground(getComputedStyle(document.body).backgroundColor || '#f7f7f9')
  }, [cloud, theme])
}

/** Keyboard: Esc clears the selection, F frames every point, / focuses the search box. */
function useShortcuts(cloud: PointCloud): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === 'Escape') void select(null)
      else if (e.key === 'f') cloud.fit()
      else if (e.key === '/') {
        e.preventDefault()
        document.querySelector<HTMLInputElement>('[data-testid="space-search-input"]')?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [cloud])
}

export function SpaceExplorer({ libraryId }: { libraryId: string }): ReactNode {
  const { t } = useTranslation()
  const cloud = useMemo(() => new PointCloud(), [])
  const tooltip = useRef<TooltipHandle>(null)
  const sceneBox = useRef<HTMLDivElement>(null)
  const { points, projection, error, search, pending, method, dims, selected } = useSpaceStore()
  const { legend, ramp } = useCloudSync(cloud)
  useJobWatch()
  useThemeBackground(cloud)
  useShortcuts(cloud)
  useEffect(() => {
    void openLibrary(libraryId)
  }, [libraryId])
  useEffect(() => () => cloud.dispose(), [cloud])
  useEffect(() => {
    // Tests and tools reach the scene's handle through its element (never needed by the UI).
    if (sceneBox.current) Object.assign(sceneBox.current, { spaceCloud: cloud })
  })

  const onHover = (i: number | null, x: number, y: number): void => {
    const p = useSpaceStore.getState().points
    if (i === null || !p) return tooltip.current?.hide()
    tooltip.current?.show(p.documents[p.documentIndex[i]!] ?? '', p.previews[i] ?? '', x, y)
  }

  if (error && !points) return <EmptyState title={t('space.errorTitle')} body={error} testId="space-error" />
  const ready = projection ? `${projection.method}-${projection.dims}` : 'none'
  return (
    <section className="space" data-testid="space-explorer" data-layout={ready} data-points={points?.n ?? 0} data-selected={selected ?? ''} aria-label={t('space.title')}>
      <Toolbar cloud={cloud} />
      {error && (
        <p className="error" role="alert" data-testid="space-error-line">
          {error}
        </p>
      )}
      <div className="space-body">
        <div className="space-view" ref={sceneBox}>
          {!projection && <p className="space-loading" data-testid="space-loading">{t('space.loading')}</p>}
          <EmbeddingScene cloud={cloud} dims={projection?.dims ?? dims} query={search?.coords ?? null} onHover={onHover} onSelect={(i) => void select(i)} />
          <Tooltip ref={tooltip} />
          <Legend legend={legend} ramp={ramp} />
          <div className="space-hint">{t(dims === 3 ? 'space.hint3d' : 'space.hint2d')}</div>
          {pending && pending.method !== method && <div className="space-pending">{t('space.pending', { method: t(`space.methods.${pending.method}`) })}</div>}
        </div>
        <div className="space-side">
          <SearchBox />
          <ClusterControl />
          {projection && <DistortionNote projection={projection} />}
          <SidePanel />
        </div>
      </div>
    </section>
  )
}
