import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api'
import { useStore } from '../../stores'
import { etaMs, formatDuration } from './eta'
import { Problems } from './Problems'

/** The import / re-embed job started here: stage, progress, time left, cancel; then its outcome. */
export function JobProgress(): ReactNode {
  const { t } = useTranslation()
  const { jobId, embedMark, eta, report } = useStore((s) => s.library)
  const job = useStore((s) => (jobId ? s.jobs[jobId] : undefined))
  const setLibrary = useStore((s) => s.setLibrary)
  // Each progress report: mark the start of the embed stage, then estimate the time left from it.
  useEffect(() => {
    if (job?.state !== 'running' || job.stage !== 'embed') return
    if (!embedMark) setLibrary({ embedMark: { at: Date.now(), done: job.done }, eta: null })
    else setLibrary({ eta: etaMs(embedMark, job.done, job.total, Date.now()) })
  }, [job, embedMark, setLibrary])
  return (
    <>
      {job && job.state === 'running' && (
        <div className="lib-job" data-testid="library-job" data-stage={job.stage} role="status">
          <span>{t(`library.stages.${job.stage}`, { defaultValue: job.stage })}</span>
          <progress max={job.total || 1} value={job.done} />
          <span data-testid="library-job-count">
            {job.done} / {job.total}
          </span>
          {eta !== null && <span data-testid="library-job-eta">{t('library.job.eta', { time: formatDuration(eta) })}</span>}
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
}
