import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../stores'

/** One line of feedback at the top right; errors stay until dismissed, info fades after 5 s. */
export function Toast(): ReactNode {
  const { t } = useTranslation()
  const notice = useStore((s) => s.notice)
  const notify = useStore((s) => s.notify)
  useEffect(() => {
    if (notice?.kind !== 'info') return
    const timer = setTimeout(() => notify(null), 5000)
    return () => clearTimeout(timer)
  }, [notice, notify])
  if (!notice) return null
  return (
    <div className={`toast toast-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="toast">
      <span>{notice.text}</span>
      <button type="button" className="link" onClick={() => notify(null)} aria-label={t('common.dismiss')}>
        ×
      </button>
    </div>
  )
}
