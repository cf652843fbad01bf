/** The tokenizer lab: one text, five real tokenizers side by side, and the zh-CN vs English cost. */
import { useEffect, type DragEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { TOKENIZE_MAX_CHARS } from '@shared/contract/tokenizer'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'
import { ComparePanel } from './ComparePanel'
import { SpecialTokens } from './SpecialTokens'
import { TokenStrip } from './TokenStrip'
import './tokenizer.css'

/** Re-tokenizes 250 ms after the last keystroke; the latest request wins. `null` text: nothing to send. */
function useLiveTokenize(text: string | null, addSpecial: boolean): void {
  const { t } = useTranslation()
  const setTokenizer = useStore((s) => s.setTokenizer)
  useEffect(() => {
    if (text === null) {
      setTokenizer({ busy: false }) // a request still out is stale now: do not show "Updating…" for it
      return
    }
    let stale = false
    const timer = setTimeout(() => {
      setTokenizer({ busy: true })
      api()
        .tokenizer.tokenize({ text, addSpecial })
        .then(
          (results) => !stale && setTokenizer({ results, resultsFor: text, busy: false, error: null }),
          (e: unknown) => !stale && setTokenizer({ busy: false, error: describeError(e, t) })
        )
    }, 250)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [text, addSpecial, setTokenizer, t])
}

export function TokenizerView(): ReactNode {
  const { t } = useTranslation()
  const state = useStore((s) => s.tokenizer)
  const setTokenizer = useStore((s) => s.setTokenizer)
  const text = state.text ?? t('tokenizer.sample')
  // Over the limit the text stays in the box (nothing is cut) and is not sent: the message says what to do.
  const tooLong = text.length > TOKENIZE_MAX_CHARS
  useLiveTokenize(tooLong ? null : text, state.addSpecial)
  const onDrop = (e: DragEvent<HTMLTextAreaElement>): void => {
    const file = e.dataTransfer.files[0]
    if (!file) return
    e.preventDefault()
    // Kept whole, like pasted text: over the limit the message below says so instead of a silent cut.
    void file.text().then((content) => setTokenizer({ text: content }))
  }
  return (
    <section className="page tok-page" data-testid="section-tokenizer">
      <h1>{t('nav.tokenizer')}</h1>
      <p>{t('tokenizer.intro')}</p>
      <textarea
        className="tok-input"
        data-testid="tok-input"
        aria-label={t('tokenizer.inputLabel')}
        value={text}
        aria-invalid={tooLong}
        rows={4}
        onChange={(e) => setTokenizer({ text: e.target.value })}
        onDrop={onDrop}
      />
      <div className="field">
        <label>
          <input type="checkbox" data-testid="tok-special" checked={state.addSpecial} onChange={(e) => setTokenizer({ addSpecial: e.target.checked })} />{' '}
          {t('tokenizer.addSpecial')}
        </label>
        <label>
          <input type="checkbox" data-testid="tok-ids" checked={state.showIds} onChange={(e) => setTokenizer({ showIds: e.target.checked })} /> {t('tokenizer.showIds')}
        </label>
        <span className="tok-meta" data-testid="tok-status" data-busy={state.busy}>
          {state.busy ? (state.results ? t('tokenizer.updating') : t('tokenizer.loading')) : ''}
        </span>
      </div>
      {tooLong ? (
        <p className="error" role="alert" data-testid="tok-too-long">
          {t('tokenizer.tooLong', { chars: text.length, max: TOKENIZE_MAX_CHARS })}
        </p>
      ) : (
        state.error && <p className="error" role="alert">{state.error}</p>
      )}
      <p className="tok-meta">{t('tokenizer.legend')}</p>
      <div className="tok-grid" data-testid="tok-results" data-for={state.resultsFor ?? ''}>
        {state.results?.map((r) => <TokenStrip key={r.info.id} result={r} text={state.resultsFor ?? ''} showIds={state.showIds} />)}
      </div>
      {state.results && <SpecialTokens results={state.results} />}
      <ComparePanel />
    </section>
  )
}
