/** Applies the theme setting: `system` follows the OS (prefers-color-scheme) live. */
import type { Settings } from '@shared/types'

let media: MediaQueryList | null = null
let listener: (() => void) | null = null

export function applyTheme(theme: Settings['theme']): void {
  media ??= window.matchMedia('(prefers-color-scheme: dark)')
  if (listener) media.removeEventListener('change', listener)
  const set = (): void => {
    const dark = theme === 'dark' || (theme === 'system' && media?.matches === true)
    document.documentElement.dataset.theme = dark ? 'dark' : 'light'
  }
  listener = theme === 'system' ? set : null
  if (listener) media.addEventListener('change', listener)
  set()
}
