/** Layout method, 2D/3D, colour mode, fit, exports, and the progress of a layout job. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PROJECTION_METHODS } from '@shared/contract/space'
import { api } from '../../../lib/api'
import type { PointCloud } from '../../../scene/PointCloud'
import { useStore } from '../../../stores'
import { download, exportFiles, requestLayout } from './actions'
import type { ColourMode } from './colours'
import { useSpaceStore } from './store'

function JobProgress({ jobId }: { jobId: string }): ReactNode {
  const { t } = useTranslation()
  const job = useStore((s) => s.jobs[jobId])
  const pct = job && job.total > 0 ? Math.round((100 * job.done) / job.total) : 0
  return (
    <span className="space-job" data-testid="space-job" role="status">
      {t('space.computing', { stage: job ? t(`space.stage.${job.stage}`, { defaultValue: job.stage }) : '…', pct })}
      <progress max={100} value={pct} />
      <button type="button" className="link" onClick={() => void api().jobs.cancel({ id: jobId })}>
        {t('space.cancel')}
      </button>
    </span>
  )
}

export function Toolbar({ cloud }: { cloud: PointCloud }): ReactNode {
  const { t } = useTranslation()
  const s = useSpaceStore()
  const active = s.pending ?? { method: s.method, dims: s.dims }
  const colourModes: ColourMode[] = ['document', 'cluster', 'similarity', ...(s.points?.meta.map((m) => `meta:${m.name}` as const) ?? [])]
  const png = (): void => {
    const url = cloud.capture()
    if (url) void fetch(url).then((r) => r.blob()).then((b) => download('space.png', b))
  }
  return (
    <div className="space-toolbar" role="toolbar" aria-label={t('space.toolbar')}>
      <div className="space-segment" role="group" aria-label={t('space.method')}>
        {PROJECTION_METHODS.map((m) => (
          <button key={m} type="button" data-testid={`space-method-${m}`} aria-pressed={active.method === m} onClick={() => void requestLayout(m, active.dims)}>
            {t(`space.methods.${m}`)}
          </button>
        ))}
      </div>
      <div className="space-segment" role="group" aria-label={t('space.dims')}>
        {([2, 3] as const).map((d) => (
          <button key={d} type="button" data-testid={`space-dims-${d}`} aria-pressed={active.dims === d} onClick={() => void requestLayout(active.method, d)}>
            {d}D
          </button>
        ))}
      </div>
      <label className="space-field">
        {t('space.colourBy')}
        <select data-testid="space-colour" value={s.colour} onChange={(e) => s.set({ colour: e.target.value as ColourMode })}>
          {colourModes.map((m) => (
            <option key={m} value={m} disabled={(m === 'similarity' && !s.search) || (m === 'cluster' && !s.clusters)}>
              {m.startsWith('meta:') ? t('space.colour.meta', { name: m.slice(5) }) : t(`space.colour.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="space-fit" title={t('space.fitHint')} onClick={() => cloud.fit()}>
        {t('space.fit')}
      </button>
      {s.jobId && <JobProgress jobId={s.jobId} />}
      <span className="space-spacer" />
      <button type="button" className="space-export" data-testid="space-export-png" onClick={png}>{t('space.export.png')}</button>
      <button type="button" className="space-export" data-testid="space-export-tsv" title={t('space.projectorHint')} onClick={() => void exportFiles('projector')}>
        {t('space.export.tsv')}
      </button>
      <button type="button" className="space-export" data-testid="space-export-json" onClick={() => void exportFiles('json')}>{t('space.export.json')}</button>
    </div>
  )
}
