/** Remaining time of a job from its progress since a mark (the first report of its current stage). */

/**
 * Estimated milliseconds left, or null while there is too little to go on (under 1 s or no progress).
 * Rate = (done − mark.done) / (now − mark.at); ETA = (total − done) / rate.
 */
export function etaMs(mark: { at: number; done: number } | null, done: number, total: number, now: number): number | null {
  if (!mark || total <= 0) return null
  const elapsed = now - mark.at
  const progressed = done - mark.done
  if (elapsed < 1000 || progressed <= 0) return null
  return Math.max(0, ((total - done) * elapsed) / progressed)
}

/** 83_000 → "1:23", 3_725_000 → "1:02:05". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`
}
