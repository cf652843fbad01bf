/** Renderer entry: connect the transport, load settings, start i18n and theme, render the shell. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { errorFromUnknown } from '@shared/errors'
import { App } from './app/App'
import { initI18n, resolveLanguage } from './app/i18n'
import { applyTheme } from './app/theme'
import { listenForImportReports } from './features/library'
import { initApi } from './lib/api'
import { useStore } from './stores'
import './app/styles.css'

const rootEl = document.getElementById('root') as HTMLElement

async function boot(): Promise<void> {
  const api = await initApi()
  const settings = await api.settings.get()
  const store = useStore.getState()
  store.setSettings(settings)
  await initI18n(resolveLanguage(settings.language))
  applyTheme(settings.theme)
  // Follow settings changes (from this window or the Settings page) live.
  useStore.subscribe((s, prev) => {
    if (s.settings.language !== prev.settings.language) void initI18n(resolveLanguage(s.settings.language))
    if (s.settings.theme !== prev.settings.theme) applyTheme(s.settings.theme)
  })
  api.on('host:status', (status) => useStore.getState().setHost(status))
  api.on('job:update', (job) => useStore.getState().upsertJob(job))
  listenForImportReports()
  store.setHost(await api.host.status())
  for (const job of await api.jobs.list()) store.upsertJob(job)
  createRoot(rootEl).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
  rootEl.dataset.appState = 'ready'
}

boot().catch((err: unknown) => {
  // Before i18n is up we cannot translate: show both languages.
  const wire = errorFromUnknown(err)
  rootEl.dataset.appState = 'error'
  rootEl.innerHTML = ''
  const box = document.createElement('div')
  box.className = 'boot-error'
  box.setAttribute('role', 'alert')
  box.innerText = `LLM Explorer could not start / 无法启动 LLM Explorer\n\n${wire.message}`
  rootEl.append(box)
})
