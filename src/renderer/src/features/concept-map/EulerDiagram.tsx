import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConceptGraph } from '@shared/contract/lessons'
import { useStore } from '../../stores'
import { CORNER_LABEL, EULER_ORDER, EULER_SETS, VIEWBOX, shapePath } from './euler-layout'

/** The set and every set nested in it (all of them light up when the set is pointed at). */
function withDescendants(id: string, parent: Record<string, string | null>): Set<string> {
  const out = new Set([id])
  for (let grew = true; grew; ) {
    grew = false
    for (const [child, p] of Object.entries(parent)) {
      if (p && out.has(p) && !out.has(child)) {
        out.add(child)
        grew = true
      }
    }
  }
  return out
}

/**
 * The relationship diagram: nested sets drawn as an SVG that scales with its box (viewBox).
 * Pointing at a set (mouse or keyboard focus) highlights it and its subsets and dims the rest;
 * click, Enter or Space opens its lesson; arrow keys move between sets.
 */
export function EulerDiagram({ graph }: { graph: ConceptGraph }): ReactNode {
  const { t } = useTranslation()
  const openLesson = useStore((s) => s.openLesson)
  const visited = useStore((s) => s.conceptMap.progress?.visited)
  const focusSet = useStore((s) => s.conceptMap.focusSet)
  const showOnMap = useStore((s) => s.showOnMap)
  const [active, setActive] = useState<string | null>(null)
  const refs = useRef(new Map<string, SVGGElement>())
  const shown = active
  const lit = shown ? withDescendants(shown, graph.sets.parent) : null
  const node = (id: string): ConceptGraph['nodes'][number] | undefined => graph.nodes.find((n) => n.id === id)
  const name = (id: string): string => t(`lessons.euler.short.${id}`)
  const corner = graph.sets.corners[0]
  const llm = EULER_SETS.find((s) => s.id === corner?.set)
  const outside = EULER_SETS.find((s) => s.id === corner?.outside)
  // The longest text the caption can show: its invisible copy (CSS ::before) reserves the height.
  const room = [t('lessons.euler.hint'), ...EULER_ORDER.map((id) => `${node(id)?.title ?? ''} — ${node(id)?.summary ?? ''}`)].reduce((a, b) => (b.length > a.length ? b : a))

  useEffect(() => {
    if (!focusSet) return
    refs.current.get(focusSet)?.focus() // focus lights the set (onFocus)
    showOnMap(null)
  }, [focusSet, showOnMap])

  const onKey = (e: KeyboardEvent, id: string): void => {
    const i = EULER_ORDER.indexOf(id)
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -i, End: EULER_ORDER.length - 1 - i }[e.key]
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      openLesson(id)
    } else if (step !== undefined) {
      e.preventDefault()
      const next = EULER_ORDER[(i + step + EULER_ORDER.length) % EULER_ORDER.length]!
      refs.current.get(next)?.focus()
    }
  }

  return (
    <figure className="cm-euler" data-testid="euler">
      {/* Above the diagram so it is on screen without scrolling; as tall as the longest caption so hovering never moves the diagram. */}
      <figcaption className="cm-caption" aria-live="polite" data-testid="euler-caption" data-room={room}>
        <span>
          {shown ? (
            <>
              <strong>{node(shown)?.title}</strong> — {node(shown)?.summary}
            </>
          ) : (
            t('lessons.euler.hint')
          )}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${VIEWBOX.width} ${VIEWBOX.height}`} role="group" aria-label={t('lessons.euler.label')} data-active={shown ?? undefined}>
        <defs>
          <pattern id="cm-hatch" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="10" className="cm-hatch-line" />
          </pattern>
          {llm && outside && (
            <mask id="cm-corner-mask">
              <path d={shapePath(llm.shape)} fill="white" />
              <path d={shapePath(outside.shape)} fill="black" />
            </mask>
          )}
        </defs>
        {EULER_SETS.map((s) => {
          const n = node(s.id)
          const parent = graph.sets.parent[s.id]
          return (
            <g
              key={s.id}
              ref={(el) => void (el ? refs.current.set(s.id, el) : refs.current.delete(s.id))}
              className={`cm-set cm-set-${s.id}${lit?.has(s.id) ? ' is-lit' : ''}${lit && !lit.has(s.id) ? ' is-dim' : ''}`}
              data-testid={`euler-set-${s.id}`}
              data-state={lit ? (lit.has(s.id) ? 'lit' : 'dim') : 'normal'}
              tabIndex={0}
              role="button"
              aria-label={t('lessons.euler.setAria', { name: name(s.id), summary: n?.summary ?? '' }) + (parent ? ` (${t('lessons.euler.inside', { parent: name(parent) })})` : '')}
              onMouseEnter={() => setActive(s.id)}
              onMouseLeave={() => setActive((a) => (a === s.id ? null : a))}
              onFocus={() => setActive(s.id)}
              onBlur={() => setActive((a) => (a === s.id ? null : a))}
              onClick={() => openLesson(s.id)}
              onKeyDown={(e) => onKey(e, s.id)}
            >
              <path className="cm-shape" d={shapePath(s.shape)} />
              {s.id === corner?.set && <path className="cm-corner" d={shapePath(s.shape)} mask="url(#cm-corner-mask)" />}
              <text className="cm-label" x={s.label.x} y={s.label.y} textAnchor={s.label.anchor}>
                {name(s.id)}
                {visited?.[s.id] && <tspan className="cm-visited" aria-label={t('lessons.euler.visited')}> ✓</tspan>}
              </text>
            </g>
          )
        })}
        {corner && (
          <text className="cm-corner-label" x={CORNER_LABEL.x} y={CORNER_LABEL.y} textAnchor="middle" data-testid="euler-corner">
            {(/^(.*?)\s*([(（].*)$/.exec(corner.label)?.slice(1) ?? [corner.label]).map((part, i) => (
              <tspan key={i} x={CORNER_LABEL.x} dy={i === 0 ? 0 : 19}>
                {part}
              </tspan>
            ))}
            <tspan x={CORNER_LABEL.x} dy={19} className="cm-debated">{`${t('lessons.euler.debated')} ?`}</tspan>
          </text>
        )}
      </svg>
    </figure>
  )
}
