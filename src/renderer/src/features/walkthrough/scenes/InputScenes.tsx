/** The input scenes: tokenise, embedding lookup, positional encoding. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { matrix2d } from '../tensor'
import { Numbers } from '../views/Numbers'
import { VectorStrip } from '../views/VectorStrip'
import { Waves } from '../views/Waves'
import { Caption, type SceneProps, stackOf, TokenChips, useQuery } from './common'

/** What the tokenise scene needs; a live trace or the precomputed example both provide it. */
export interface TokenView {
  text: string
  pieces: string[]
  ids: number[]
  unknown: boolean[]
}

export function TokenizeScene({ tokens }: { tokens: TokenView }): ReactNode {
  const { t } = useTranslation()
  return (
    <div className="wt-flow">
      <Caption>{t('walkthrough.tokens.text')}</Caption>
      <p className="wt-text" data-testid="wt-source-text">
        “{tokens.text}”
      </p>
      <div className="wt-arrow">↓</div>
      <Caption>{t('walkthrough.tokens.tokens', { n: tokens.pieces.length })}</Caption>
      <TokenChips pieces={tokens.pieces} ids={tokens.ids} unknown={tokens.unknown} testId="wt-tokens" />
      <div className="wt-arrow">↓</div>
      <Caption>{t('walkthrough.tokens.ids')}</Caption>
      <code className="wt-ids" data-testid="wt-ids" data-value={tokens.ids.join(',')}>
        [{tokens.ids.join(', ')}]
      </code>
    </div>
  )
}

export function EmbeddingScene({ step, trace }: SceneProps): ReactNode {
  const { t } = useTranslation()
  const stack = stackOf(trace, step)
  const m = matrix2d(stack.embed)
  const [q, setQ] = useQuery(m.rows)
  return (
    <div className="wt-flow">
      <TokenChips pieces={stack.pieces} ids={stack.ids} selected={q} onSelect={setQ} />
      <Caption>{t('walkthrough.embedding.matrix', { rows: m.rows, cols: m.cols })}</Caption>
      <VectorStrip m={m} rowLabels={stack.pieces} selected={q} onSelect={setQ} testId="wt-embed-strip" />
      <Caption>{t('walkthrough.embedding.row', { token: stack.pieces[q] })}</Caption>
      <Numbers m={m} row={q} />
      {trace.kind === 'encoder-decoder' && <p className="muted">{t('walkthrough.embedding.scaled', { d: trace.dModel, s: Math.sqrt(trace.dModel).toFixed(2) })}</p>}
    </div>
  )
}

export function PositionalScene({ step, trace }: SceneProps): ReactNode {
  const { t } = useTranslation()
  const stack = stackOf(trace, step)
  const pos = matrix2d(stack.pos)
  const embed = matrix2d(stack.embed)
  const input = matrix2d(stack.input)
  const [q, setQ] = useQuery(pos.rows)
  const sinusoidal = trace.positional === 'sinusoidal'
  return (
    <div className="wt-flow">
      <Caption>{t(sinusoidal ? 'walkthrough.positional.waves' : 'walkthrough.positional.learned')}</Caption>
      <Waves pos={pos} features={sinusoidal ? [0, 1, 8, 9] : [0, 1, 2, 3]} guide={sinusoidal} />
      <TokenChips pieces={stack.pieces} selected={q} onSelect={setQ} />
      <div className="wt-sum" data-testid="wt-addition">
        <Caption>{t('walkthrough.positional.token', { token: stack.pieces[q], pos: q })}</Caption>
        <Numbers m={embed} row={q} testId="wt-add-embed" />
        <div className="wt-op">+</div>
        <Numbers m={pos} row={q} testId="wt-add-pos" />
        <div className="wt-op">=</div>
        <Numbers m={input} row={q} testId="wt-add-input" />
      </div>
      <VectorStrip m={input} rowLabels={stack.pieces} selected={q} onSelect={setQ} />
    </div>
  )
}
