import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDuration } from '../lib/eta'
import { api } from '../lib/api'
import { useStore } from '../stores'

/** Bottom bar: model host state (with restart) and every running job with progress, time left and cancel. */
export function StatusBar(): ReactNode {
  const { t } = useTranslation()
  const host = useStore((s) => s.host)
  const jobs = useStore((s) => s.jobs)
  const etas = useStore((s) => s.jobEtas)
  const running = Object.values(jobs).filter((j) => j.state === 'running')
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`host-dot host-${host.state}`} aria-hidden="true" />
      <span data-testid="host-state" data-state={host.state}>
        {t(`host.state.${host.state}`)}
        {host.restarts > 0 ? ` · ${t('host.restarts', { count: host.restarts })}` : ''}
      </span>
      {host.state === 'crashed' && (
        <button type="button" className="link" onClick={() => void api().host.restart()}>
          {t('host.restart')}
        </button>
      )}
      <span className="spacer" />
      {running.map((job) => {
        // None at the end of a stage: another stage (with its own estimate) usually follows.
        const eta = job.done < job.total ? (etas[job.id]?.ms ?? null) : null
        return (
          <span key={job.id} className="job" data-testid="job-running">
            {t(job.kind)} · {job.total > 0 ? Math.round((100 * job.done) / job.total) : 0}%
            {eta !== null && <span data-testid="job-eta">{` · ${t('jobs.eta', { time: formatDuration(eta) })}`}</span>}
            <progress max={job.total || 1} value={job.done} aria-label={t(job.kind)} />
            <button type="button" className="link" onClick={() => void api().jobs.cancel({ id: job.id })}>
              {t('common.cancel')}
            </button>
          </span>
        )
      })}
    </footer>
  )
}
