/**
 * Playwright fixtures: every test gets its own harness (real Node services, real model host) with a
 * fresh temporary user-data folder, and a page already open on it and marked ready.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { type Harness, startHarness } from '../../src/harness/server'

export const ROOT = resolve(import.meta.dirname, '../..')

/** Starts a harness on a fresh (or given) user-data folder. */
export async function launchHarness(userDataDir: string): Promise<Harness> {
  return startHarness({
    userDataDir,
    resourcesDir: join(ROOT, 'resources'),
    webDir: process.env.LLMX_WEB_DIR ?? join(ROOT, 'dist-web'),
    workerEntry: join(ROOT, 'src/worker/main.ts'),
    port: 0
  })
}

/** Opens the app and waits for the `data-app-state="ready"` marker (never a sleep). */
export async function openApp(page: Page, harness: Harness): Promise<void> {
  await page.goto(harness.url)
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready')
}

export const test = base.extend<{ userDataDir: string; harness: Harness; app: Page }>({
  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'llmx-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
  harness: async ({ userDataDir }, use) => {
    const h = await launchHarness(userDataDir)
    await use(h)
    await h.close()
  },
  app: async ({ page, harness }, use) => {
    await openApp(page, harness)
    await use(page)
  }
})

export { expect }
