/** Feed-forward, the stack of layers, and the decoder's start. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { absMax, matrix2d } from '../tensor'
import { Numbers } from '../views/Numbers'
import { VectorStrip } from '../views/VectorStrip'
import { Caption, LayerHeadPicker, type SceneProps, stackOf, TokenChips, useLayer, useQuery } from './common'

export function FeedForwardScene({ step, trace }: SceneProps): ReactNode {
  const { t } = useTranslation()
  const stack = stackOf(trace, step)
  const layer = useLayer(stack)
  const l = stack.layers[layer]!
  const [q, setQ] = useQuery(stack.pieces.length)
  return (
    <div className="wt-flow">
      <LayerHeadPicker layers={stack.layers.length} heads={trace.heads} showHead={false} />
      <TokenChips pieces={stack.pieces} selected={q} onSelect={setQ} />
      {l.ffnHidden && (
        <>
          <Caption>{t('walkthrough.ffn.hidden', { n: l.ffnHidden.dims[1] })}</Caption>
          <VectorStrip m={matrix2d(l.ffnHidden)} rowLabels={stack.pieces} selected={q} onSelect={setQ} />
        </>
      )}
      <Caption>{t('walkthrough.ffn.out')}</Caption>
      <VectorStrip m={matrix2d(l.ffnOut)} rowLabels={stack.pieces} selected={q} onSelect={setQ} />
      <Numbers m={matrix2d(l.ffnOut)} row={q} />
      <Caption>{t(trace.norm === 'post' ? 'walkthrough.ffn.residualPost' : 'walkthrough.ffn.residualPre')}</Caption>
      <VectorStrip m={matrix2d(l.out)} rowLabels={stack.pieces} selected={q} onSelect={setQ} />
    </div>
  )
}

export function StackScene({ step, trace }: SceneProps): ReactNode {
  const { t } = useTranslation()
  const stack = stackOf(trace, step)
  const [q, setQ] = useQuery(stack.pieces.length)
  const mats = [matrix2d(stack.input), ...stack.layers.map((l) => matrix2d(l.out))]
  const max = Math.max(...mats.map(absMax))
  const last = mats[mats.length - 1]!
  return (
    <div className="wt-flow">
      <TokenChips pieces={stack.pieces} selected={q} onSelect={setQ} />
      {mats.map((m, i) => (
        <div key={i}>
          <Caption>{i === 0 ? t('walkthrough.stack.input') : t('walkthrough.stack.layer', { n: i })}</Caption>
          <VectorStrip m={m} rowLabels={stack.pieces} selected={q} onSelect={setQ} max={max} />
        </div>
      ))}
      <Caption>{t(step.stack === 'encoder' ? 'walkthrough.stack.encoderOut' : 'walkthrough.stack.decoderOut', { token: stack.pieces[q] })}</Caption>
      <Numbers m={last} row={q} />
    </div>
  )
}

export function DecoderStartScene({ trace }: SceneProps): ReactNode {
  const { t } = useTranslation()
  const d = trace.decoder
  return (
    <div className="wt-flow">
      <Caption>{t('walkthrough.decoder.start')}</Caption>
      <TokenChips pieces={d.pieces.slice(0, 1)} ids={d.ids.slice(0, 1)} testId="wt-start-token" />
      <Caption>{t('walkthrough.decoder.teacher', { n: d.pieces.length })}</Caption>
      <TokenChips pieces={d.pieces} ids={d.ids} />
      <Caption>{t('walkthrough.decoder.input')}</Caption>
      <VectorStrip m={matrix2d(d.input)} rowLabels={d.pieces} selected={0} />
      <Numbers m={matrix2d(d.input)} row={0} />
    </div>
  )
}
