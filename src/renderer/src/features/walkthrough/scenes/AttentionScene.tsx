/** Attention, one part at a time: Q/K/V, scores, softmax weights (heatmap + lines), weighted sum. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AttentionTrace } from '@shared/contract/walkthrough'
import { useStore } from '../../../stores'
import { headMatrix, matrix2d } from '../tensor'
import { AttentionLines } from '../views/AttentionLines'
import { Heatmap } from '../views/Heatmap'
import { Numbers } from '../views/Numbers'
import { VectorStrip } from '../views/VectorStrip'
import { Caption, LayerHeadPicker, type SceneProps, stackOf, TokenChips, useLayer, useQuery } from './common'

export function AttentionScene({ step, trace }: SceneProps): ReactNode {
  const { t } = useTranslation()
  const stack = stackOf(trace, step)
  const layer = useLayer(stack)
  const headSetting = useStore((s) => s.wtHead)
  const block = step.block ?? 'self'
  const att = (block === 'cross' ? stack.layers[layer]?.cross : stack.layers[layer]?.self) as AttentionTrace
  const rows = stack.pieces
  const cols = block === 'cross' && trace.encoder ? trace.encoder.pieces : stack.pieces
  const [q, setQ] = useQuery(rows.length)
  const part = step.part ?? 'weights'
  const perHead = part === 'qkv' || part === 'output'
  const head = perHead && headSetting === 'mean' ? 0 : headSetting
  const masked = step.stack === 'decoder' && block === 'self'
  return (
    <div className="wt-flow" data-testid="wt-attention" data-block={block} data-layer={layer} data-head={String(head)}>
      <LayerHeadPicker layers={stack.layers.length} heads={trace.heads} withMean={!perHead} />
      <TokenChips pieces={rows} selected={q} onSelect={setQ} />
      {part === 'qkv' && (
        <>
          {(['q', 'k', 'v'] as const).map((name) => (
            <div key={name}>
              <Caption>{t(`walkthrough.attention.${name}`, { head: Number(head) + 1 })}</Caption>
              <VectorStrip m={headMatrix(att[name], head as number)} rowLabels={name === 'q' ? rows : cols} selected={name === 'q' ? q : null} onSelect={setQ} />
            </div>
          ))}
          <Caption>{t('walkthrough.attention.qRow', { token: rows[q] })}</Caption>
          <Numbers m={headMatrix(att.q, head as number)} row={q} />
        </>
      )}
      {part === 'scores' && (
        <>
          <Caption>{t(masked ? 'walkthrough.attention.scoresMasked' : 'walkthrough.attention.scores', { d: trace.dModel / trace.heads })}</Caption>
          <Heatmap m={headMatrix(att.scores, head)} rowLabels={rows} colLabels={cols} scale="diverging" highlightRow={q} testId="wt-heatmap" />
          <Numbers m={headMatrix(att.scores, head)} row={q} count={cols.length} />
        </>
      )}
      {part === 'weights' && (
        <>
          <Caption>{t(block === 'cross' ? 'walkthrough.attention.cross' : masked ? 'walkthrough.attention.weightsMasked' : 'walkthrough.attention.weights')}</Caption>
          <div className="wt-row">
            <Heatmap m={headMatrix(att.weights, head)} rowLabels={rows} colLabels={cols} scale="sequential" highlightRow={q} testId="wt-heatmap" />
            <AttentionLines m={headMatrix(att.weights, head)} rowLabels={rows} colLabels={cols} query={q} width={380} testId="wt-lines" />
          </div>
          <Caption>{t('walkthrough.attention.row', { token: rows[q] })}</Caption>
          <Numbers m={headMatrix(att.weights, head)} row={q} count={cols.length} />
        </>
      )}
      {part === 'output' && (
        <>
          {att.context && (
            <>
              <Caption>{t('walkthrough.attention.context', { head: Number(head) + 1 })}</Caption>
              <VectorStrip m={headMatrix(att.context, head as number)} rowLabels={rows} selected={q} onSelect={setQ} />
            </>
          )}
          <Caption>{t('walkthrough.attention.out')}</Caption>
          <VectorStrip m={matrix2d(att.out)} rowLabels={rows} selected={q} onSelect={setQ} />
          <Numbers m={matrix2d(att.out)} row={q} />
          <Caption>{t(trace.norm === 'post' ? 'walkthrough.attention.residualPost' : 'walkthrough.attention.residualPre')}</Caption>
          <VectorStrip m={matrix2d(att.residual)} rowLabels={rows} selected={q} onSelect={setQ} />
        </>
      )}
    </div>
  )
}
