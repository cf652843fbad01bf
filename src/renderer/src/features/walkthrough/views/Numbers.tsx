import type { ReactNode } from 'react'
import { fmt, type Matrix } from '../tensor'

/**
 * The first `count` values of row `row` as numbers. Each carries `data-tensor`, `data-index` and
 * `data-value` (exactly the text shown) so tests compare the screen with the model host's output.
 */
export function Numbers({ m, row, count = 8, digits = 3, testId = 'wt-numbers' }: { m: Matrix; row: number; count?: number; digits?: number; testId?: string }): ReactNode {
  const n = Math.min(count, m.cols)
  return (
    <div className="wt-numbers" data-testid={testId}>
      [
      {Array.from({ length: n }, (_, j) => {
        const text = fmt(m.get(row, j), digits)
        return (
          <span key={j} data-testid="wt-num" data-tensor={m.name} data-index={m.index(row, j).join(',')} data-value={text}>
            {text}
          </span>
        )
      })}
      {m.cols > n ? <span className="muted">… ({m.cols})</span> : null}]
    </div>
  )
}

/** One number with the same test attributes. */
export function Num({ m, i, j, digits = 3 }: { m: Matrix; i: number; j: number; digits?: number }): ReactNode {
  const text = fmt(m.get(i, j), digits)
  return (
    <span data-testid="wt-num" data-tensor={m.name} data-index={m.index(i, j).join(',')} data-value={text}>
      {text}
    </span>
  )
}
