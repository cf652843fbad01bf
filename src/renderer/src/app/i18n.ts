/** i18next setup: English and Simplified Chinese; every visible string comes from locales/. */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'

/**
 * Locale files: locales/<language>/<feature>.json, merged per language. Each feature keeps its
 * strings in its own file under a top-level key named after the feature (app.json holds the shell's).
 */
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { eager: true, import: 'default' })

function merged(language: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [path, content] of Object.entries(files)) if (path.split('/').at(-2) === language) Object.assign(out, content)
  return out
}

export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]

/** The OS/browser language mapped to one we have (any zh → zh-CN, else en). */
export function systemLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function resolveLanguage(setting: 'system' | Language): Language {
  return setting === 'system' ? systemLanguage() : setting
}

/** Initialises i18next once; later calls only change the language. */
export async function initI18n(language: Language): Promise<void> {
  if (i18next.isInitialized) {
    await i18next.changeLanguage(language)
    return
  }
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: merged('en') }, 'zh-CN': { translation: merged('zh-CN') } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false
  })
  document.documentElement.lang = language
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
}

export { i18next }
