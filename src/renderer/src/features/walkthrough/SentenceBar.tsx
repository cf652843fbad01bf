import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TeachingKind } from '@shared/contract/walkthrough'
import { useStore } from '../../stores'
import { checkText, modelFor, runWalkthrough } from './actions'

const MODES: TeachingKind[] = ['encoder-decoder', 'decoder-only']

/** Mode tabs, the student's sentence, its vocabulary check (with suggestions) and the Run button. */
export function SentenceBar(): ReactNode {
  const { t } = useTranslation()
  const mode = useStore((s) => s.wtMode)
  const text = useStore((s) => s.wtText[s.wtMode])
  const models = useStore((s) => s.wtModels)
  const check = useStore((s) => s.wtCheck)
  const status = useStore((s) => s.wtStatus)
  const setWt = useStore((s) => s.setWt)
  const setText = useStore((s) => s.setWtText)
  const model = modelFor(models, mode)
  const busy = status === 'checking' || status === 'running'

  // flag unknown words while typing (debounced), before anything runs
  useEffect(() => {
    if (!model) return
    const timer = setTimeout(() => void checkText(t), 300)
    return () => clearTimeout(timer)
  }, [text, model, t])

  const replace = (word: string, by: string): void => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    setText(mode, text.replace(new RegExp(`(^|\\s)${escaped}(?=$|[\\s.?!,])`, 'g'), `$1${by}`))
  }
  const unknown = check?.unknownWords ?? []
  return (
    <div className="wt-sentence card">
      <div className="wt-modes" role="tablist">
        {MODES.map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} data-testid={`wt-mode-${m}`} className={mode === m ? 'active' : 'link'} onClick={() => setWt({ wtMode: m, wtStep: 0, wtPlaying: false, wtCheck: null, wtLayer: 0, wtStatus: 'idle', wtError: null })}>
            {t(`walkthrough.mode.${m}`)}
          </button>
        ))}
        <span className="muted">{model ? t('walkthrough.mode.model', { id: model.id, layers: model.layers.encoder ? `${model.layers.encoder}+${model.layers.decoder}` : model.layers.decoder, heads: model.heads, d: model.dModel }) : models ? t('walkthrough.mode.missing') : ''}</span>
      </div>
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault()
          void runWalkthrough(t)
        }}
      >
        <input data-testid="wt-input" aria-label={t(`walkthrough.input.${mode}`)} placeholder={t(`walkthrough.input.${mode}`)} value={text} maxLength={2000} onChange={(e) => setText(mode, e.target.value)} style={{ flex: 1 }} />
        <button type="submit" data-testid="wt-run" disabled={!model || busy || !text.trim() || unknown.length > 0}>
          {busy ? t('walkthrough.input.running') : t('walkthrough.input.run')}
        </button>
      </form>
      {unknown.length > 0 && (
        <div className="wt-unknown" role="alert" data-testid="wt-unknown">
          {t('walkthrough.input.unknown')}
          {unknown.map((u) => (
            <span key={u.word} className="wt-unknown-word" data-testid="wt-unknown-word" data-word={u.word}>
              <strong>{u.word}</strong>
              {u.suggestions.length > 0 ? ` → ` : ` (${t('walkthrough.input.noSuggestion')})`}
              {u.suggestions.map((s) => (
                <button key={s} type="button" className="link" data-testid="wt-suggestion" onClick={() => replace(u.word, s)}>
                  {s}
                </button>
              ))}
            </span>
          ))}
        </div>
      )}
      {check?.tooLong && <p className="error" role="alert">{t('walkthrough.input.tooLong', { n: check.ids.length })}</p>}
    </div>
  )
}
