import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TokenPiece, TokenizeResult } from '@shared/host-ops/tokenizer'

/** Hex of a token's bytes: [0xe5, 0xa5] → "E5 A5". */
export function hexBytes(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
}

/** What a chip shows: the text, with spaces and newlines made visible; raw bytes for a partial character. */
export function chipLabel(t: TokenPiece): string {
  if (t.special) return t.piece ?? t.text
  if (t.text.includes('\uFFFD')) return `‹${hexBytes(t.bytes)}›`
  return t.text.replaceAll(' ', '·').replaceAll('\n', '↵')
}

/** Characters per token, one decimal; "—" for no tokens. */
export function charsPerToken(chars: number, tokens: number): string {
  return tokens > 0 ? (chars / tokens).toFixed(2) : '—'
}

/** One tokenizer's result: counts and the text cut into coloured tokens. */
export function TokenStrip({ result, text, showIds }: { result: TokenizeResult; text: string; showIds: boolean }): ReactNode {
  const { t } = useTranslation()
  const { info, tokens } = result
  if (result.error) {
    return (
      <div className="card tok-column" data-testid={`tok-result-${info.id}`} data-error={result.error.code}>
        <h3>{t(`tokenizer.names.${info.id}`, { model: '—' })}</h3>
        <p className="error" role="alert">{t('tokenizer.loadFailed', { detail: result.error.message })}</p>
      </div>
    )
  }
  const chars = Array.from(text).length
  const textTokens = tokens.filter((x) => !x.special || x.unknown).length
  return (
    <div className="card tok-column" data-testid={`tok-result-${info.id}`} data-tokens={tokens.length}>
      <h3>{t(`tokenizer.names.${info.id}`, { model: info.source })}</h3>
      <p className="tok-meta">
        {t('tokenizer.algorithm', { algorithm: info.algorithm, pre: info.pretokenizer, vocab: info.vocabSize.toLocaleString() })}
        {info.byteLevel ? ` · ${t('tokenizer.byteLevel')}` : ''}
      </p>
      <dl className="tok-counts">
        <div><dt>{t('tokenizer.tokens')}</dt><dd data-testid={`tok-count-${info.id}`}>{tokens.length}</dd></div>
        <div><dt>{t('tokenizer.chars')}</dt><dd>{chars}</dd></div>
        <div><dt>{t('tokenizer.cpt')}</dt><dd>{charsPerToken(chars, textTokens)}</dd></div>
      </dl>
      <div className="tok-strip" aria-label={t('tokenizer.stripLabel', { name: t(`tokenizer.names.${info.id}`, { model: info.source }) })}>
        {tokens.map((tok, i) => (
          <span
            key={i}
            className={`tok-chip tok-c${i % 8}${tok.special ? ' tok-special' : ''}${tok.unknown ? ' tok-unknown' : ''}`}
            title={t('tokenizer.chipTitle', { id: tok.id, piece: tok.piece ?? '—', bytes: hexBytes(tok.bytes) })}
            data-id={tok.id}
          >
            <span className="tok-text">{chipLabel(tok)}</span>
            {showIds && <span className="tok-id">{tok.id}</span>}
          </span>
        ))}
      </div>
    </div>
  )
}
