import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api'
import { useStore } from '../../stores'
import { formatDuration } from '../../lib/eta'
import { Problems } from './Problems'

/**
 * The import / re-embed job started here: stage, progress, time left, cancel; then its outcome.
 * It subscribes to its own job only and is memoised, so a progress report (ten a second during
 * an import) re-renders this line and the status bar, not the library view around it.
 */
export const JobProgress = memo(function JobProgress(): ReactNode {
  const { t } = useTranslation()
  const jobId = useStore((s) => s.library.jobId)
  const report = useStore((s) => s.library.report)
  const job = useStore((s) => (jobId ? s.jobs[jobId] : undefined))
  // Estimated per stage by the app slice from each report; none at the end of a stage.
  const eta = useStore((s) => (jobId ? (s.jobEtas[jobId]?.ms ?? null) : null))
  return (
    <>
      {job && job.state === 'running' && (
        <div className="lib-job" data-testid="library-job" data-stage={job.stage} role="status">
          <span>{t(`library.stages.${job.stage}`, { defaultValue: job.stage })}</span>
          <progress max={job.total || 1} value={job.done} />
          <span data-testid="library-job-count">
            {job.done} / {job.total}
          </span>
          {eta !== null && job.done < job.total && <span data-testid="library-job-eta">{t('library.job.eta', { time: formatDuration(eta) })}</span>}
          <button type="button" className="link" data-testid="library-job-cancel" onClick={() => void api().jobs.cancel({ id: job.id })}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {job && job.state === 'failed' && !report && (
        <p className="error" role="alert">
          {t('library.job.failed', { error: job.error ?? '' })}
        </p>
      )}
      {report && report.jobId === jobId && (
        <div className="lib-report" data-testid="library-report" data-state={report.state}>
          <p className={report.state === 'done' ? '' : 'error'} role={report.state === 'done' ? 'status' : 'alert'}>
            {t(`library.report.${report.state}`, { chunks: report.files.reduce((n, f) => n + f.chunks, 0), files: report.files.filter((f) => f.chunks > 0).length })}
            {report.error && ` ${t(`errors.${report.error.code}`, { defaultValue: '' })} (${report.error.message})`}
          </p>
          <Problems problems={report.files.flatMap((f) => f.problems)} />
        </div>
      )}
    </>
  )
})
