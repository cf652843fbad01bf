import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { badFiles, encodedTexts, goodFiles, writeFolder } from '../fixtures/bad-inputs/make'
import { expect, launchHarness, openApp, ROOT, test } from './fixtures'

// Most tests start without the sample library (it has its own test): less to wait for.
let savedSample: string | undefined
test.beforeAll(() => {
  savedSample = process.env.LLMX_NO_SAMPLE_LIBRARY
  process.env.LLMX_NO_SAMPLE_LIBRARY = '1'
})
test.afterAll(() => {
  if (savedSample === undefined) delete process.env.LLMX_NO_SAMPLE_LIBRARY
  else process.env.LLMX_NO_SAMPLE_LIBRARY = savedSample
})

async function newLibrary(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-library').click()
  await page.getByTestId('library-new-name').fill(name)
  await page.getByTestId('library-create').click()
  await expect(page.locator(`[data-testid="library-row"][data-name="${name}"]`)).toBeVisible()
}

const row = (page: Page, name: string) => page.locator(`[data-testid="library-row"][data-name="${name}"]`)

test('imports a folder of mixed formats and encodings, lists each bad file, and survives a restart', async ({ app, userDataDir, harness, page }) => {
  test.setTimeout(300_000)
  const folder = mkdtempSync(join(tmpdir(), 'llmx-folder-'))
  try {
    await writeFolder(folder)
    await newLibrary(app, 'Mixed')
    await app.getByTestId('library-folder-input').setInputFiles(folder)

    // The 200 MB file is refused in the page, before sending; the others are staged.
    await expect(app.getByTestId('library-refused')).toContainText('huge.txt')
    await expect(app.getByTestId('library-refused')).toContainText('50 MB')
    const staged = Object.keys(encodedTexts()).length + Object.keys(await goodFiles()).length + Object.keys(badFiles()).length
    await expect(app.getByTestId('library-files')).toHaveAttribute('data-count', String(staged))
    for (const [name, [, encoding]] of Object.entries(encodedTexts())) {
      await expect(app.locator(`[data-testid="library-file"][data-name$="sub/${name}"]`)).toHaveAttribute('data-encoding', encoding)
    }
    for (const [name, [, code]] of Object.entries(badFiles())) {
      await expect(app.locator(`[data-testid="library-problem"][data-file$="${name}"]`)).toHaveAttribute('data-code', code)
    }
    await expect(app.locator('[data-testid="library-problem"][data-code="PDF_ENCRYPTED"]')).toContainText('password')

    // The JSON file: pick the field with the text, keep the title as metadata.
    const json = app.locator('[data-testid="library-file"][data-name$="records.json"]')
    await expect(json.getByTestId('library-text-field')).toHaveValue('body.text')
    await json.getByTestId('library-meta-field').first().check()

    await app.getByTestId('library-mode-sentence').check()
    await app.getByTestId('library-preview-run').click()
    const preview = app.getByTestId('library-preview')
    await expect(preview).toBeVisible({ timeout: 60_000 })
    const chunks = Number(await preview.getAttribute('data-chunks'))
    expect(chunks).toBeGreaterThan(15)
    // The same sentences recur across the encodings: duplicates are found and left out.
    expect(Number(await preview.getAttribute('data-duplicates'))).toBeGreaterThan(20)
    await page.screenshot({ path: 'test-results/library-preview.png', fullPage: true })

    await app.getByTestId('library-import-start').click()
    await expect(app.getByTestId('library-report')).toHaveAttribute('data-state', 'done', { timeout: 180_000 })
    await expect(row(app, 'Mixed')).toHaveAttribute('data-chunks', String(chunks))
    const documents = Number(await row(app, 'Mixed').getAttribute('data-documents'))
    expect(documents).toBe(Object.keys(encodedTexts()).length + Object.keys(await goodFiles()).length)
    await page.screenshot({ path: 'test-results/library-imported.png', fullPage: true })

    // Restart: a new server on the same user-data folder finds the library intact.
    await harness.close()
    const again = await launchHarness(userDataDir)
    try {
      await openApp(page, again)
      await page.getByTestId('nav-library').click()
      await expect(row(page, 'Mixed')).toHaveAttribute('data-chunks', String(chunks))
      await expect(row(page, 'Mixed')).toHaveAttribute('data-documents', String(documents))
      await expect(row(page, 'Mixed')).toHaveAttribute('data-state', 'ready')
    } finally {
      await again.close()
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})

/** Starts library-server.ts on `dir`; resolves with the process and its URL. */
function serverProcess(dir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/e2e/library-server.ts'), dir], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /URL (\S+)/.exec(out)
      if (m) resolve({ child, url: m[1] as string })
    })
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)))
  })
}

test('an import whose server is killed mid-way resumes on the next start', async ({ page, userDataDir }) => {
  test.setTimeout(300_000)
  const first = await serverProcess(userDataDir)
  let second: { child: ChildProcess; url: string } | null = null
  try {
    await page.goto(first.url)
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready')
    await newLibrary(page, 'Interrupted')
    // Big enough that embedding takes many batches even on an idle machine, so the kill lands mid-way.
    const total = 2000
    const text = Array.from({ length: total }, (_, i) => `Passage ${i} explains how a chunk becomes a vector in the embedding space.`).join('\n\n')
    await page.getByTestId('library-file-input').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text) })
    await page.getByTestId('library-preview-run').click()
    await expect(page.getByTestId('library-preview')).toHaveAttribute('data-chunks', String(total), { timeout: 120_000 })
    await page.getByTestId('library-import-start').click()
    // Wait until some chunks are committed, then kill the whole server (and with it the model host).
    await expect(row(page, 'Interrupted')).not.toHaveAttribute('data-chunks', '0', { timeout: 120_000 })
    first.child.kill('SIGKILL')
    const before = Number(await row(page, 'Interrupted').getAttribute('data-chunks'))
    console.log(`[library.spec] killed after ${before} of ${total} chunks`)
    expect(before).toBeGreaterThan(0)
    expect(before).toBeLessThan(total)

    second = await serverProcess(userDataDir)
    await page.goto(second.url)
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready')
    await page.getByTestId('nav-library').click()
    await expect(row(page, 'Interrupted')).toHaveAttribute('data-chunks', String(total), { timeout: 240_000 })
    await expect(row(page, 'Interrupted')).toHaveAttribute('data-state', 'ready')
    await expect(row(page, 'Interrupted')).toHaveAttribute('data-documents', '1')
  } finally {
    first.child.kill('SIGKILL')
    second?.child.kill('SIGKILL')
  }
})

test('a first start makes the sample library, then the explorer shows it', async ({ page, userDataDir }) => {
  test.setTimeout(300_000)
  delete process.env.LLMX_NO_SAMPLE_LIBRARY
  const h = await launchHarness(userDataDir)
  try {
    await openApp(page, h)
    await page.getByTestId('nav-library').click()
    const sample = page.locator('[data-testid="library-row"][data-name="Sample library · 示例文库"]')
    await expect(sample).toBeVisible()
    await expect(sample).toHaveAttribute('data-state', 'ready', { timeout: 180_000 })
    expect(Number(await sample.getAttribute('data-chunks'))).toBeGreaterThanOrEqual(60)
    await expect(page.getByTestId('space-explorer')).toBeVisible({ timeout: 60_000 })
    await page.screenshot({ path: 'test-results/library-sample.png', fullPage: true })
  } finally {
    process.env.LLMX_NO_SAMPLE_LIBRARY = '1'
    await h.close()
  }
})

test('manages libraries: pasted text, rename, delete after confirming', async ({ app }) => {
  await newLibrary(app, 'Scratch')
  await app.getByTestId('library-paste').fill('第一段讲词元。\n\nThe second paragraph is about embeddings.')
  await app.getByTestId('library-paste-add').click()
  await expect(app.getByTestId('library-file')).toHaveAttribute('data-encoding', 'utf-8')
  await app.getByTestId('library-preview-run').click()
  await expect(app.getByTestId('library-preview')).toHaveAttribute('data-chunks', '2')
  await app.getByTestId('library-import-start').click()
  await expect(app.getByTestId('library-report')).toHaveAttribute('data-state', 'done', { timeout: 120_000 })
  await expect(row(app, 'Scratch')).toHaveAttribute('data-chunks', '2')
  await app.getByTestId('library-documents').locator('summary').click()
  await expect(app.getByTestId('library-document')).toHaveAttribute('data-chunks', '2')
  await expect(app.getByTestId('library-document')).toContainText('Pasted text 1.txt')

  await app.getByTestId('library-rename').click()
  await app.getByTestId('library-rename-input').fill('Notes 笔记')
  await app.getByTestId('library-rename-save').click()
  await expect(row(app, 'Notes 笔记')).toHaveAttribute('data-chunks', '2')

  await app.getByTestId('library-delete').click()
  await expect(app.getByTestId('library-delete-confirm')).toContainText('Notes 笔记')
  await expect(app.getByTestId('library-delete-confirm')).toContainText('2 chunks')
  await app.getByTestId('library-delete-yes').click()
  await expect(app.getByTestId('library-row')).toHaveCount(0)
  await expect(app.getByTestId('library-empty')).toBeVisible()
})
