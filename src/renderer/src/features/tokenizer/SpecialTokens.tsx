import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TokenizeResult } from '@shared/host-ops/tokenizer'

/** Each tokenizer's special tokens, with IDs, and what they are for. */
export function SpecialTokens({ results }: { results: TokenizeResult[] }): ReactNode {
  const { t } = useTranslation()
  return (
    <details className="card" data-testid="tok-specials">
      <summary>{t('tokenizer.specials.title')}</summary>
      <p>{t('tokenizer.specials.explain')}</p>
      {results.map(({ info }) => (
        <div key={info.id} className="tok-special-row">
          <h4>{t(`tokenizer.names.${info.id}`, { model: info.source })}</h4>
          <p>{t(`tokenizer.specials.${info.id}`)}</p>
          <p className="tok-strip">
            {info.specials.map((s) => (
              <span key={s.id} className="tok-chip tok-special" title={String(s.id)}>
                <span className="tok-text">{s.text}</span>
                <span className="tok-id">{s.id}</span>
              </span>
            ))}
          </p>
        </div>
      ))}
    </details>
  )
}
