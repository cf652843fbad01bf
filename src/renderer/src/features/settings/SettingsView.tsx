import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '@shared/types'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'

/** Language and theme; saved at once in the user-data folder. */
export function SettingsView(): ReactNode {
  const { t } = useTranslation()
  const settings = useStore((s) => s.settings)
  const setSettings = useStore((s) => s.setSettings)
  const notify = useStore((s) => s.notify)
  const save = (patch: Partial<Settings>): void => {
    setSettings({ ...settings, ...patch })
    api()
      .settings.set(patch)
      .then(setSettings, (e: unknown) => notify({ kind: 'error', text: describeError(e, t) }))
  }
  return (
    <section className="page" data-testid="section-settings">
      <h1>{t('nav.settings')}</h1>
      <label className="field">
        <span>{t('settings.language')}</span>
        <select data-testid="settings-language" value={settings.language} onChange={(e) => save({ language: e.target.value as Settings['language'] })}>
          <option value="system">{t('settings.system')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      <label className="field">
        <span>{t('settings.theme')}</span>
        <select data-testid="settings-theme" value={settings.theme} onChange={(e) => save({ theme: e.target.value as Settings['theme'] })}>
          <option value="system">{t('settings.system')}</option>
          <option value="light">{t('settings.light')}</option>
          <option value="dark">{t('settings.dark')}</option>
        </select>
      </label>
    </section>
  )
}
