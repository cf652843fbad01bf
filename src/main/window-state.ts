/** Remembers the main window's size, position and maximised state in `<userData>/window-state.json`. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { screen, type BrowserWindow } from 'electron'
import { writeFileAtomic } from '../core/settings/settings'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

const DEFAULT: WindowState = { width: 1280, height: 820, maximized: false }

/** Reads the saved state; falls back to the default if missing, corrupt or off every screen. */
export function loadWindowState(userDataDir: string): WindowState {
  try {
    const s = JSON.parse(readFileSync(join(userDataDir, 'window-state.json'), 'utf8')) as WindowState
    const visible = screen.getAllDisplays().some((d) => {
      const b = d.workArea
      return s.x !== undefined && s.y !== undefined && s.x < b.x + b.width && s.x + s.width > b.x && s.y < b.y + b.height && s.y + s.height > b.y
    })
    return visible ? s : { ...DEFAULT, width: s.width, height: s.height }
  } catch {
    return { ...DEFAULT }
  }
}

/** Saves the window's state whenever it is moved, resized or closed (debounced 500 ms). */
export function trackWindowState(win: BrowserWindow, userDataDir: string): void {
  let timer: NodeJS.Timeout | undefined
  const save = (): void => {
    if (win.isDestroyed()) return
    const b = win.getNormalBounds()
    void writeFileAtomic(join(userDataDir, 'window-state.json'), JSON.stringify({ ...b, maximized: win.isMaximized() }))
  }
  const later = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  win.on('resize', later)
  win.on('move', later)
  win.on('close', save)
}
