/** Pieces shared by the scenes: which stack a step shows, token chips, the layer/head pickers. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { StackTrace, WalkthroughTrace } from '@shared/contract/walkthrough'
import { useStore } from '../../../stores'
import type { Step } from '../steps'

export interface SceneProps {
  step: Step
  trace: WalkthroughTrace
}

/** The encoder or decoder side a step shows. */
export function stackOf(trace: WalkthroughTrace, step: Step): StackTrace {
  return step.stack === 'encoder' && trace.encoder ? trace.encoder : trace.decoder
}

/** The selected query/token position, clamped to `n` rows (default: the last row). */
export function useQuery(n: number): [number, (q: number) => void] {
  const q = useStore((s) => s.wtQuery)
  const setWt = useStore((s) => s.setWt)
  const value = q === null || q >= n ? n - 1 : q
  return [Math.max(0, value), (wtQuery: number) => setWt({ wtQuery })]
}

/** Tokens as chips; the selected one outlined, unknown ones flagged. Clicking selects. */
export function TokenChips(props: { pieces: string[]; ids?: number[]; unknown?: boolean[]; selected?: number; onSelect?: (i: number) => void; testId?: string }): ReactNode {
  const { t } = useTranslation()
  return (
    <div className="wt-chips" data-testid={props.testId ?? 'wt-chips'}>
      {props.pieces.map((p, i) => (
        <button
          type="button"
          key={i}
          className={`wt-chip${props.selected === i ? ' selected' : ''}${props.unknown?.[i] ? ' unknown' : ''}`}
          data-testid="wt-token"
          data-piece={p}
          data-id={props.ids?.[i]}
          title={props.unknown?.[i] ? t('walkthrough.tokens.unknown') : undefined}
          onClick={() => props.onSelect?.(i)}
        >
          <span className="piece">{p.replace(/ /g, '·') || '∅'}</span>
          {props.ids && <span className="id">{props.ids[i]}</span>}
        </button>
      ))}
    </div>
  )
}

/** Layer and head pickers for the attention, feed-forward and stack scenes. */
export function LayerHeadPicker({ layers, heads, withMean = true, showHead = true }: { layers: number; heads: number; withMean?: boolean; showHead?: boolean }): ReactNode {
  const { t } = useTranslation()
  const layer = useStore((s) => s.wtLayer)
  const head = useStore((s) => s.wtHead)
  const setWt = useStore((s) => s.setWt)
  return (
    <div className="wt-pickers">
      <label>
        {t('walkthrough.pick.layer')}{' '}
        <select data-testid="wt-layer" value={Math.min(layer, layers - 1)} onChange={(e) => setWt({ wtLayer: Number(e.target.value) })}>
          {Array.from({ length: layers }, (_, i) => (
            <option key={i} value={i}>
              {i + 1} / {layers}
            </option>
          ))}
        </select>
      </label>
      {showHead && (
        <label>
          {t('walkthrough.pick.head')}{' '}
          <select data-testid="wt-head" value={String(head === 'mean' && !withMean ? 0 : head)} onChange={(e) => setWt({ wtHead: e.target.value === 'mean' ? 'mean' : Number(e.target.value) })}>
            {withMean && <option value="mean">{t('walkthrough.pick.mean')}</option>}
            {Array.from({ length: heads }, (_, i) => (
              <option key={i} value={i}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  )
}

/** The current layer index clamped to a stack's depth. */
export function useLayer(stack: StackTrace): number {
  const layer = useStore((s) => s.wtLayer)
  return Math.min(layer, stack.layers.length - 1)
}

/** A small caption above a view. */
export function Caption({ children }: { children: ReactNode }): ReactNode {
  return <h3 className="wt-caption">{children}</h3>
}
