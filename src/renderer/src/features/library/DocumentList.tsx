import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentInfo, LibraryInfo } from '@shared/contract/library'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { formatBytes } from '../../lib/format'

/** What a library holds: each document with its format, encoding and number of chunks (read on opening). */
export function DocumentList({ library }: { library: LibraryInfo }): ReactNode {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [docs, setDocs] = useState<DocumentInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!open) return
    api()
      .library.documents({ id: library.id })
      .then(setDocs, (e: unknown) => setError(describeError(e, t)))
  }, [open, library.id, library.documents, library.chunks, t])
  return (
    <details className="lib-docs" data-testid="library-documents" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('library.documents.title', { count: library.documents })}</summary>
      {error && <p className="error">{error}</p>}
      {docs && (
        <ul>
          {docs.map((d) => (
            <li key={d.id} data-testid="library-document" data-chunks={d.chunks}>
              <span className="lib-doc-name">{d.name}</span>
              <span className="muted">
                {t(`library.formats.${d.format}`)}
                {d.encoding ? ` · ${d.encoding}` : ''} · {formatBytes(d.bytes)} · {t('library.documents.chunks', { count: d.chunks })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}
