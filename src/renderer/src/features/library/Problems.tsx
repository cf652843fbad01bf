import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileProblem } from '@shared/contract/library'

/** Per-file problems: what went wrong (translated), the file, the detail, what to do. */
export function Problems({ problems }: { problems: FileProblem[] }): ReactNode {
  const { t } = useTranslation()
  if (problems.length === 0) return null
  return (
    <ul className="lib-problems">
      {problems.map((p, i) => (
        <li key={i} className={p.fatal ? 'error' : 'warn'} data-testid="library-problem" data-code={p.code} data-file={p.file}>
          <strong>{p.file}</strong>: {t(`library.fileErrors.${p.code}`)} <span className="muted">({p.detail})</span>
        </li>
      ))}
    </ul>
  )
}
