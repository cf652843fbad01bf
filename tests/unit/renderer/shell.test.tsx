// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { Sidebar } from '../../../src/renderer/src/app/Sidebar'
import { StatusBar } from '../../../src/renderer/src/app/StatusBar'
import { i18next, initI18n } from '../../../src/renderer/src/app/i18n'
import { initialStoreState, useStore } from '../../../src/renderer/src/stores'

describe('app shell components', () => {
  beforeAll(async () => {
    await initI18n('en')
  })
  beforeEach(() => useStore.setState(initialStoreState, true))
  afterEach(cleanup)

  it('navigates with the sidebar and marks the current section', () => {
    render(<Sidebar />)
    fireEvent.click(screen.getByTestId('nav-tokenizer'))
    expect(useStore.getState().section).toBe('tokenizer')
    expect(screen.getByTestId('nav-tokenizer').getAttribute('aria-current')).toBe('page')
    expect(screen.getByTestId('nav-models').getAttribute('aria-current')).toBeNull()
  })

  it('switches language live', async () => {
    render(<Sidebar />)
    expect(screen.getByTestId('nav-settings').textContent).toContain('Settings')
    await act(async () => {
      await i18next.changeLanguage('zh-CN')
    })
    expect(screen.getByTestId('nav-settings').textContent).toContain('设置')
    await act(async () => {
      await i18next.changeLanguage('en')
    })
  })

  it('shows host state and running jobs with progress in the status bar', () => {
    useStore.getState().setHost({ state: 'crashed', pid: null, restarts: 2, lastError: 'x' })
    useStore.getState().upsertJob({ id: 'j1', kind: 'jobs.selfTest', state: 'running', done: 3, total: 4, stage: 's', startedAt: 0, error: null })
    render(<StatusBar />)
    expect(screen.getByTestId('host-state').textContent).toBe('Model host stopped · restarted 2 times')
    expect(screen.getByTestId('job-running').textContent).toContain('75%')
  })

  it('shows the time left of a running job, estimated per stage as in the library view', () => {
    vi.useFakeTimers()
    try {
      const job = { id: 'j2', kind: 'library.jobs.import', state: 'running' as const, startedAt: 0, error: null }
      const report = (at: number, stage: string, done: number, total: number): void => {
        vi.setSystemTime(at)
        act(() => useStore.getState().upsertJob({ ...job, stage, done, total }))
      }
      render(<StatusBar />)
      report(0, 'parse', 0, 2)
      report(60_000, 'parse', 1, 2) // a slow stage of other units: its estimate ends with it
      report(61_000, 'embed', 100, 1000)
      expect(screen.queryByTestId('job-eta')).toBeNull() // nothing to go on yet
      // 300 chunks in 10 s since the stage began → 30/s; 600 left → 20 s.
      report(71_000, 'embed', 400, 1000)
      expect(screen.getByTestId('job-running').textContent).toContain('40% · about 0:20 left')
      act(() => useStore.getState().upsertJob({ ...job, state: 'done', stage: 'embed', done: 1000, total: 1000 }))
      expect(screen.queryByTestId('job-running')).toBeNull()
      expect(useStore.getState().jobEtas).toEqual({})
    } finally {
      vi.useRealTimers()
    }
  })
})
