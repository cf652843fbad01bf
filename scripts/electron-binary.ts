/**
 * Is the Electron binary installed? Electron ≥ 42 downloads it on first use, which closed build
 * machines and offline lab machines cannot do. Used by the `_electron` e2e test (skip with a reason)
 * and, run as a script, by `npm start` (a clear message instead of electron-vite's "Electron uninstall").
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** What to do when the binary is missing. */
export const MISSING_ELECTRON =
  'no Electron binary on this machine (it is downloaded on first use, which needs the network); run `npx electron --version` once online'

/** Absolute path of the installed Electron executable, or null if it is not installed. */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const dir = join(require.resolve('electron/package.json'), '..')
    const pathFile = join(dir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(exe) ? exe : null
  } catch {
    return null
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1] && !electronBinary()) {
  console.error(`npm start: ${MISSING_ELECTRON}.\nTo try the app without Electron, run \`npm run web\` and open the URL it prints in a browser.`)
  process.exit(1)
}
