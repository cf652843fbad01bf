import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { TOKENIZER_IDS } from '@shared/host-ops/tokenizer'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'
import { charsPerToken } from './TokenStrip'

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)

/** zh-CN vs English on the bundled parallel sentences: measured token cost per tokenizer. */
export function ComparePanel(): ReactNode {
  const { t } = useTranslation()
  const compare = useStore((s) => s.tokenizer.compare)
  const setTokenizer = useStore((s) => s.setTokenizer)
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const [open, setOpen] = useState(false)
  const ids = TOKENIZER_IDS.filter((id) => compare?.tokens[id])
  const missing = TOKENIZER_IDS.filter((id) => compare && !compare.tokens[id])
  const run = async (): Promise<void> => {
    setState({ busy: true, error: null })
    try {
      setTokenizer({ compare: await api().tokenizer.compare() })
      setState({ busy: false, error: null })
    } catch (e) {
      setState({ busy: false, error: describeError(e, t) })
    }
  }
  return (
    <div className="card" data-testid="tok-compare">
      <h2>{t('tokenizer.compare.title')}</h2>
      <p>{t('tokenizer.compare.explain')}</p>
      <button type="button" data-testid="tok-compare-run" disabled={state.busy} onClick={() => void run()}>
        {state.busy ? t('tokenizer.compare.running') : t('tokenizer.compare.run')}
      </button>
      {state.error && <p className="error" role="alert">{state.error}</p>}
      {compare && (
        <>
          <table className="table" data-testid="tok-compare-table">
            <thead>
              <tr>
                <th>{t('tokenizer.compare.tokenizer')}</th>
                <th>{t('tokenizer.compare.enTokens')}</th>
                <th>{t('tokenizer.compare.zhTokens')}</th>
                <th>{t('tokenizer.compare.ratio')}</th>
                <th>{t('tokenizer.compare.enCpt')}</th>
                <th>{t('tokenizer.compare.zhCpt')}</th>
              </tr>
            </thead>
            <tbody>
              {ids.map((id) => {
                const en = sum(compare.tokens[id]!.en)
                const zh = sum(compare.tokens[id]!.zh)
                return (
                  <tr key={id} data-testid={`tok-compare-${id}`} data-en={en} data-zh={zh}>
                    <td>{t(`tokenizer.names.${id}`, { model: compare.sources[id] })}</td>
                    <td>{en}</td>
                    <td>{zh}</td>
                    <td>{(zh / en).toFixed(2)}</td>
                    <td>{charsPerToken(sum(compare.chars.en), en)}</td>
                    <td>{charsPerToken(sum(compare.chars.zh), zh)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p className="tok-meta">{t('tokenizer.compare.note', { pairs: compare.pairs.length })}</p>
          {missing.length > 0 && <p className="error">{t('tokenizer.compare.missing', { names: missing.join(', ') })}</p>}
          <button type="button" className="link" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? t('tokenizer.compare.hidePairs') : t('tokenizer.compare.showPairs')}
          </button>
          {open && (
            <table className="table tok-pairs">
              <tbody>
                {compare.pairs.map((p, i) => (
                  <tr key={i}>
                    <td>{p.en}<br />{p.zh}</td>
                    {ids.map((id) => (
                      <td key={id} title={t(`tokenizer.names.${id}`, { model: compare.sources[id] })}>{compare.tokens[id]!.en[i]} / {compare.tokens[id]!.zh[i]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  )
}
