/** Hover tooltip: moved and filled through a ref on every pointer move (no React render). */
import { forwardRef, useImperativeHandle, useRef, type ReactNode } from 'react'

export interface TooltipHandle {
  show(title: string, text: string, x: number, y: number): void
  hide(): void
}

export const Tooltip = forwardRef<TooltipHandle>(function Tooltip(_props, ref): ReactNode {
  const el = useRef<HTMLDivElement>(null)
  const title = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLDivElement>(null)
  useImperativeHandle(ref, () => ({
    show(t, text, x, y) {
      const box = el.current
      if (!box || !title.current || !body.current) return
      title.current.textContent = t
      body.current.textContent = text
      const parent = box.parentElement!.getBoundingClientRect()
      box.style.left = `${Math.min(x - parent.left + 14, parent.width - 340)}px`
      box.style.top = `${y - parent.top + 14}px`
      box.hidden = false
    },
    hide() {
      if (el.current) el.current.hidden = true
    }
  }))
  return (
    <div ref={el} className="space-tooltip" data-testid="space-tooltip" role="tooltip" hidden>
      <div ref={title} className="space-tooltip-title" />
      <div ref={body} />
    </div>
  )
})
