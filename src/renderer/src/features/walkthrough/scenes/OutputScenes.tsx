/** Linear + softmax, and the decoding loop token by token. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Candidate, WalkthroughTrace } from '@shared/contract/walkthrough'
import { crop, fmt, headMatrix } from '../tensor'
import { Heatmap } from '../views/Heatmap'
import { Caption, type SceneProps, TokenChips, useQuery } from './common'

/** Top candidates as bars; `chosen` is marked. Probabilities carry test attributes (tensor `probs`). */
export function CandidateBars({ list, position, chosen, digits = 4, probOf }: { list: Candidate[]; position: number; chosen: number; digits?: number; probOf?: (c: Candidate) => number }): ReactNode {
  const { t } = useTranslation()
  return (
    <ol className="wt-bars" data-testid="wt-candidates">
      {list.map((c) => {
        const p = probOf ? probOf(c) : c.prob
        const text = fmt(p, digits)
        return (
          <li key={c.id} className={c.id === chosen ? 'chosen' : ''} data-testid="wt-candidate" data-piece={c.piece}>
            <span className="tok">{c.piece.replace(/ /g, '·')}</span>
            <span className="bar" style={{ width: `${Math.max(0.5, p * 100)}%` }} />
            <span data-testid="wt-num" data-tensor={probOf ? 'probs@T' : 'probs'} data-index={`${position},${c.id}`} data-value={text}>
              {text}
            </span>
            <span className="muted"> {t('walkthrough.softmax.logit')} {fmt(c.logit, 2)}</span>
            {c.id === chosen && <strong> ← {t('walkthrough.softmax.chosen')}</strong>}
          </li>
        )
      })}
    </ol>
  )
}

export function SoftmaxScene({ trace }: SceneProps): ReactNode {
  const { t } = useTranslation()
  const d = trace.decoder
  const [q, setQ] = useQuery(d.pieces.length)
  const list = trace.candidates[q] ?? []
  return (
    <div className="wt-flow">
      <Caption>{t('walkthrough.softmax.position')}</Caption>
      <TokenChips pieces={d.pieces} selected={q} onSelect={setQ} />
      <Caption>{t('walkthrough.softmax.top', { token: d.pieces[q], v: trace.vocabSize })}</Caption>
      <CandidateBars list={list} position={q} chosen={list[0]?.id ?? -1} />
    </div>
  )
}

/** The greedy output after loop step `t`: the graph's top candidate at every position up to t. */
function chosenUpTo(trace: WalkthroughTrace, t: number): Candidate[] {
  return trace.candidates.slice(0, t + 1).map((c) => c[0]!)
}

export function LoopScene({ step, trace }: SceneProps): ReactNode {
  const { t } = useTranslation()
  const pos = step.position ?? 0
  const d = trace.decoder
  const last = d.layers.length - 1
  const chosen = chosenUpTo(trace, pos)
  const next = chosen[chosen.length - 1]
  const done = pos === d.pieces.length - 1
  const output = chosen.map((c) => c.piece).filter((p) => p !== '</s>')
  const self = crop(headMatrix(d.layers[last]!.self.weights, 'mean'), pos + 1, pos + 1)
  const cross = d.layers[last]!.cross
  return (
    <div className="wt-flow" data-testid="wt-loop" data-position={pos}>
      <Caption>{t('walkthrough.loop.input', { n: pos + 1 })}</Caption>
      <TokenChips pieces={d.pieces.slice(0, pos + 1)} ids={d.ids.slice(0, pos + 1)} selected={pos} />
      <div className="wt-row">
        <div>
          <Caption>{t('walkthrough.loop.self', { layer: last + 1 })}</Caption>
          <Heatmap m={self} rowLabels={d.pieces} colLabels={d.pieces} scale="sequential" highlightRow={pos} maxSize={210} />
        </div>
        {cross && trace.encoder && (
          <div>
            <Caption>{t('walkthrough.loop.cross', { layer: last + 1 })}</Caption>
            <Heatmap m={crop(headMatrix(cross.weights, 'mean'), pos + 1)} rowLabels={d.pieces} colLabels={trace.encoder.pieces} scale="sequential" highlightRow={pos} maxSize={210} />
          </div>
        )}
      </div>
      <Caption>{t('walkthrough.loop.next')}</Caption>
      <CandidateBars list={(trace.candidates[pos] ?? []).slice(0, 5)} position={pos} chosen={next?.id ?? -1} />
      <Caption>{t(done ? 'walkthrough.loop.done' : 'walkthrough.loop.soFar')}</Caption>
      <p className="wt-output" data-testid="wt-output" data-value={output.join(' ')} data-done={done}>
        {output.join(' ')}
        {done ? <span className="muted"> ⟨/s⟩</span> : <span className="wt-cursor">▌</span>}
      </p>
      {done && trace.translation && (
        <p className="muted" data-testid="wt-translation" data-value={trace.translation.text}>
          {t('walkthrough.loop.pipeline', { text: trace.translation.text })}
        </p>
      )}
    </div>
  )
}
