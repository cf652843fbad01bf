// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
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
})
