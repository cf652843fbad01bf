/**
 * The one test of the real Electron shell. It runs where an Electron binary is installed and is
 * skipped, with the reason printed, where it is not (Electron ≥ 42 downloads its binary on first
 * use, which closed build machines cannot do).
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { MISSING_ELECTRON, electronBinary } from '../../scripts/electron-binary'

const ROOT = resolve(import.meta.dirname, '../..')

const exe = electronBinary()
const built = existsSync(join(ROOT, 'out/main/index.js'))
const reason = !exe
  ? MISSING_ELECTRON
  : 'out/ is not built; run `npm run build` first'

test('the Electron window starts, is sandboxed, and shows the app', async () => {
  if (!exe || !built) console.log(`[electron.spec] skipped: ${reason}`)
  test.skip(!exe || !built, reason)
  const app = await electron.launch({
    executablePath: exe!,
    args: [ROOT],
    env: { ...process.env, LLMX_USER_DATA: mkdtempSync(join(tmpdir(), 'llmx-electron-')) }
  })
  const page = await app.firstWindow()
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready')
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
  expect(await page.evaluate(() => typeof (window as unknown as { api?: { models?: unknown } }).api?.models)).toBe('object')
  await expect(page.getByTestId('host-state')).toHaveAttribute('data-state', 'ready')
  await app.close()
})
