import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../stores'

/** Milliseconds per step at speed 1. */
const STEP_MS = 4000
const SPEEDS = [0.5, 1, 2, 4]

/** Moves to step `i`, clamped to [0, count). */
export function goTo(i: number, count: number): void {
  useStore.getState().setWt({ wtStep: Math.max(0, Math.min(count - 1, i)) })
}

/**
 * Player: previous / play-pause / next, a scrubber and speed. Keyboard (outside text fields):
 * ←/→ step, space play/pause, Home/End first/last. Playback stops at the last step.
 */
export function Controls({ count, enabled }: { count: number; enabled: boolean }): ReactNode {
  const { t } = useTranslation()
  const step = useStore((s) => s.wtStep)
  const playing = useStore((s) => s.wtPlaying)
  const speed = useStore((s) => s.wtSpeed)
  const setWt = useStore((s) => s.setWt)

  useEffect(() => {
    if (!playing || !enabled) return
    const timer = setInterval(() => {
      const s = useStore.getState()
      if (s.wtStep >= count - 1) s.setWt({ wtPlaying: false })
      else s.setWt({ wtStep: s.wtStep + 1 })
    }, STEP_MS / speed)
    return () => clearInterval(timer)
  }, [playing, speed, count, enabled])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const el = e.target as HTMLElement | null
      if (!enabled || e.ctrlKey || e.metaKey || e.altKey || (el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName))) return
      const s = useStore.getState()
      const keys: Record<string, () => void> = {
        ArrowRight: () => goTo(s.wtStep + 1, count),
        ArrowLeft: () => goTo(s.wtStep - 1, count),
        Home: () => goTo(0, count),
        End: () => goTo(count - 1, count),
        ' ': () => s.setWt({ wtPlaying: !s.wtPlaying })
      }
      const action = keys[e.key]
      if (!action) return
      e.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [count, enabled])

  return (
    <div className="wt-controls" data-testid="wt-controls">
      <button type="button" data-testid="wt-prev" aria-label={t('walkthrough.controls.prev')} title={`${t('walkthrough.controls.prev')} (←)`} disabled={!enabled || step === 0} onClick={() => goTo(step - 1, count)}>
        ◀ {t('walkthrough.controls.prevShort')}
      </button>
      <button type="button" data-testid="wt-play" aria-label={t(playing ? 'walkthrough.controls.pause' : 'walkthrough.controls.play')} title={`${t(playing ? 'walkthrough.controls.pause' : 'walkthrough.controls.play')} (␣)`} disabled={!enabled} onClick={() => setWt({ wtPlaying: !playing })}>
        {playing ? '❚❚' : '▶'}
      </button>
      <button type="button" data-testid="wt-next" aria-label={t('walkthrough.controls.next')} title={`${t('walkthrough.controls.next')} (→)`} disabled={!enabled || step >= count - 1} onClick={() => goTo(step + 1, count)}>
        {t('walkthrough.controls.nextShort')} ▶
      </button>
      <input type="range" className="wt-scrub" data-testid="wt-scrub" aria-label={t('walkthrough.controls.scrub')} min={0} max={Math.max(0, count - 1)} value={step} disabled={!enabled} onChange={(e) => goTo(Number(e.target.value), count)} />
      <span className="muted" data-testid="wt-position">
        {step + 1} / {count}
      </span>
      <label className="muted">
        {t('walkthrough.controls.speed')}{' '}
        <select data-testid="wt-speed" value={speed} onChange={(e) => setWt({ wtSpeed: Number(e.target.value) })}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
