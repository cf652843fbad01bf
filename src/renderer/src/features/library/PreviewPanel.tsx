import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PreviewResult } from '@shared/contract/library'
import { useStore } from '../../stores'
import { Problems } from './Problems'

/** Bars of the chunk-size histogram (tokens per chunk). */
function Histogram({ tokens }: { tokens: PreviewResult['tokens'] }): ReactNode {
  const { t } = useTranslation()
  const peak = Math.max(1, ...tokens.counts)
  return (
    <figure className="lib-hist" aria-label={t('library.preview.histogram')}>
      <div className="lib-bars">
        {tokens.counts.map((c, i) => (
          <div key={i} className="lib-bar" title={t('library.preview.bin', { from: tokens.edges[i], to: (tokens.edges[i + 1] ?? 1) - 1, count: c })}>
            <div style={{ height: `${(100 * c) / peak}%` }} />
          </div>
        ))}
      </div>
      <figcaption className="muted">
        {t('library.preview.histogram')} · 0 – {tokens.edges.at(-1)}
      </figcaption>
    </figure>
  )
}

/** What the import would store: counts, sizes in tokens, duplicates, problems, a few chunks. */
export const PreviewPanel = memo(function PreviewPanel(): ReactNode {
  const { t } = useTranslation()
  const preview = useStore((s) => s.library.preview)
  if (!preview) return null
  const problems = preview.files.flatMap((f) => f.problems)
  return (
    <div className="lib-preview" data-testid="library-preview" data-chunks={preview.chunks} data-duplicates={preview.duplicates}>
      <p data-testid="library-preview-summary">
        {t('library.preview.summary', { chunks: preview.chunks, files: preview.files.filter((f) => f.chunks > 0).length })}{' '}
        {preview.chunks > 0 && t('library.preview.tokens', { min: preview.tokens.min, mean: Math.round(preview.tokens.mean), max: preview.tokens.max })}
      </p>
      {preview.duplicates > 0 && <p className="muted">{t('library.preview.duplicates', { count: preview.duplicates })}</p>}
      {preview.overLimit > 0 && <p className="warn">{t('library.preview.overLimit', { count: preview.overLimit, max: preview.maxTokens })}</p>}
      {preview.chunks > 0 && <Histogram tokens={preview.tokens} />}
      <Problems problems={problems} />
      {preview.samples.length > 0 && (
        <details>
          <summary>{t('library.preview.samples')}</summary>
          <ol className="lib-samples">
            {preview.samples.map((s, i) => (
              <li key={i}>
                <span className="muted">
                  {s.documentName} · {t('library.preview.sampleTokens', { count: s.tokens })}
                </span>
                <div>{s.text}</div>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  )
})
