import { describe, expect, it } from 'vitest'
import { etaMs, formatDuration } from '../../../src/renderer/src/lib/eta'

describe('import ETA', () => {
  it('extrapolates the rate since the embed stage began', () => {
    // 100 chunks in 10 s since the mark → 10/s; 300 left → 30 s.
    expect(etaMs({ at: 0, done: 50 }, 150, 450, 10_000)).toBe(30_000)
    expect(etaMs({ at: 0, done: 0 }, 450, 450, 5_000)).toBe(0)
  })

  it('says nothing until there is something to go on', () => {
    expect(etaMs(null, 10, 100, 5_000)).toBeNull()
    expect(etaMs({ at: 0, done: 10 }, 10, 100, 5_000)).toBeNull()
    expect(etaMs({ at: 0, done: 0 }, 10, 100, 500)).toBeNull()
  })

  it('formats minutes and hours', () => {
    expect(formatDuration(83_000)).toBe('1:23')
    expect(formatDuration(3_725_000)).toBe('1:02:05')
    expect(formatDuration(400)).toBe('0:00')
  })
})
