/**
 * UI responsiveness during a big import (issue: "10 MB of text imported while the UI main thread
 * never has a task over 50 ms"). Procedural text (bench/synthetic-text.ts: English with some
 * Chinese, ten .txt files) is imported through the Library view the way a user does — folder
 * picker → staged list → preview → Import — in the harness (real Node services, real model host)
 * and headless Chromium. A `longtask` PerformanceObserver, registered before the app loads, records
 * every main-thread task over 50 ms; the ones that start between choosing the folder and the import
 * report showing "done" are counted. While the job runs the bench hovers and switches sections
 * every few seconds, so the UI is exercised.
 *
 * Alone: `npx tsx bench/import-ui.ts [MB]` (default 10; IMPORT_UI_MB also works). LLMX_WEB_DIR
 * reuses a built renderer instead of building one; IMPORT_UI_DEBUG=1 builds it unminified and
 * prints each long animation frame's scripts (to find what a long task runs); IMPORT_UI_TRACE=file
 * records a Chrome trace and prints each long task's CPU time and parts (bench/trace-tasks.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { startHarness } from '../src/harness/server'
import { syntheticDocuments } from './synthetic-text'
import { longTasksInTrace } from './trace-tasks'

const ROOT = resolve(import.meta.dirname, '..')
/** Chromium off the network, WebGL through SwiftShader (as bench/space.ts and playwright.config.ts). */
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader']
const FILES = 10
/** Milliseconds between two interactions while the job runs. */
const INTERACT_EVERY_MS = 3000
const DEBUG = process.env.IMPORT_UI_DEBUG === '1'
/** IMPORT_UI_TRACE=file.json: a Chrome trace of the import; its long tasks are printed with their CPU time. */
const TRACE = process.env.IMPORT_UI_TRACE
/** IMPORT_UI_PROFILE=file.cpuprofile: a sampled JavaScript CPU profile of the page over the same span. */
const PROFILE = process.env.IMPORT_UI_PROFILE

/**
 * Runs in the page before the app: long tasks (and, for diagnosis, long animation frames with the
 * scripts they ran) go to `globalThis.__bench`; the moment the import report first shows "done"
 * is stamped there too (a MutationObserver callback runs in the same task as the DOM change).
 */
const INIT_SCRIPT = `(() => {
  const b = (globalThis.__bench = { tasks: [], frames: [], doneAt: null })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.frames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
        scripts: (e.scripts || []).map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, src: (s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition, duration: Math.round(s.duration), layout: Math.round(s.forcedStyleAndLayoutDuration) })) })
    }).observe({ type: 'long-animation-frame', buffered: true })
  } catch {}
  const watch = () => new MutationObserver(() => {
    if (b.doneAt === null && document.querySelector('[data-testid="library-report"][data-state="done"]')) b.doneAt = performance.now()
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] })
  if (document.documentElement) watch(); else addEventListener('DOMContentLoaded', watch)
})()`

interface LongTask {
  start: number
  duration: number
}
interface LongFrame extends LongTask {
  blocking: number
  scripts: { invoker: string; fn: string; src: string; duration: number; layout: number }[]
}
interface BenchState {
  tasks: LongTask[]
  frames: LongFrame[]
  doneAt: number | null
}

/** What one run measured. Times in seconds unless named otherwise. */
export interface ImportUiResult {
  megabytes: number
  chunks: number
  /** Folder chosen → import report "done": staging, preview and the embedding job. */
  wall: number
  staging: number
  preview: number
  job: number
  /** Main-thread tasks over 50 ms that started in that span, and the longest of them (ms). */
  longTasks: LongTask[]
  longestMs: number
  /** Import done → the explorer showing the new library's first layout (+2 s): time and long tasks. */
  explorer: { seconds: number; longTasks: LongTask[] }
  /** 1-minute load average: mean and max of the samples taken every few seconds. */
  load: { mean: number; max: number }
  interactions: number
}

/** Builds the renderer into a private folder (never the shared dist-web), unless LLMX_WEB_DIR names one. */
async function webDir(): Promise<string> {
  if (process.env.LLMX_WEB_DIR) return process.env.LLMX_WEB_DIR
  const outDir = join(tmpdir(), 'llmx-bench-import-ui-web')
  await build({
    configFile: false,
    root: join(ROOT, 'src/renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias: { '@shared': join(ROOT, 'src/shared'), '@renderer': join(ROOT, 'src/renderer/src') } },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 8000, minify: !DEBUG, sourcemap: DEBUG }
  })
  return outDir
}

/**
 * Checks that the observer sees long tasks in this Chromium: a 120 ms busy loop (before the
 * measured span) must come back as one. @throws Error if it does not.
 */
async function probeObserver(page: Page): Promise<void> {
  const before = (await state(page)).tasks.length
  // In a task of the page's own (a DevTools evaluation is not reported as one).
  await page.evaluate('setTimeout(() => { const end = performance.now() + 120; while (performance.now() < end); }, 0)')
  await page.waitForFunction(`globalThis.__bench.tasks.length > ${before}`, undefined, { timeout: 10_000 }).catch(() => {
    throw new Error('the longtask PerformanceObserver reported nothing for a 120 ms task: the measurement would be empty')
  })
}

const state = (page: Page): Promise<BenchState> => page.evaluate('globalThis.__bench') as Promise<BenchState>
const now = (page: Page): Promise<number> => page.evaluate('performance.now()') as Promise<number>
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * One light interaction, chosen by `i`: hover the library's row, open/close its document list,
 * visit the Models section and come back, hover the job's progress bar.
 */
async function interact(page: Page, i: number): Promise<void> {
  switch (i % 4) {
    case 0:
      await page.getByTestId('library-row').first().hover()
      break
    case 1:
      await page.getByTestId('library-documents').locator('summary').click()
      break
    case 2:
      await page.getByTestId('nav-models').click()
      await sleep(500)
      await page.getByTestId('nav-library').click()
      break
    default:
      await page.locator('[data-testid="library-job"] progress, [data-testid="library-report"]').first().hover({ timeout: 5000 })
  }
}

/** The import of `megabytes` MB of synthetic text through the UI, measured. */
export async function measureImportUi(megabytes: number): Promise<ImportUiResult> {
  const web = await webDir()
  const userData = mkdtempSync(join(tmpdir(), 'llmx-bench-import-ui-'))
  const folder = mkdtempSync(join(tmpdir(), 'llmx-bench-import-ui-docs-'))
  const docs = syntheticDocuments(megabytes * 1024 * 1024, FILES)
  for (const d of docs) writeFileSync(join(folder, d.name), d.text)
  const savedSample = process.env.LLMX_NO_SAMPLE_LIBRARY
  process.env.LLMX_NO_SAMPLE_LIBRARY = '1'
  const harness = await startHarness({ userDataDir: userData, resourcesDir: join(ROOT, 'resources'), webDir: web, workerEntry: join(ROOT, 'src/worker/main.ts'), port: 0 })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS })
  const loads: number[] = []
  const sampleLoad = (): void => void loads.push(loadavg()[0]!)
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript({ content: INIT_SCRIPT })
    await page.goto(harness.url)
    await page.locator('#root[data-app-state="ready"]').waitFor({ timeout: 60_000 })
    await probeObserver(page)
    await page.getByTestId('nav-library').click()
    await page.getByTestId('library-new-name').fill('Bench')
    await page.getByTestId('library-create').click()
    const row = page.locator('[data-testid="library-row"][data-name="Bench"]')
    await row.waitFor()

    if (TRACE) await browser.startTracing(page, { path: TRACE, categories: ['toplevel', 'devtools.timeline'] })
    const cdp = PROFILE ? await page.context().newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
      await cdp.send('Profiler.start')
    }
    const wait = { timeout: 30 * 60_000 }
    const t0 = performance.now()
    const pageStart = await now(page)
    sampleLoad()
    await page.getByTestId('library-folder-input').setInputFiles(folder)
    await page.locator(`[data-testid="library-files"][data-count="${FILES}"]`).waitFor(wait)
    const tStaged = performance.now()
    await page.getByTestId('library-preview-run').click()
    await page.locator('[data-testid="library-preview"][data-chunks]').waitFor(wait)
    const previewChunks = Number(await page.getByTestId('library-preview').getAttribute('data-chunks'))
    const tPreview = performance.now()
    sampleLoad()
    await page.getByTestId('library-import-start').click()
    let interactions = 0
    for (;;) {
      await sleep(INTERACT_EVERY_MS)
      sampleLoad()
      if ((await state(page)).doneAt !== null) break
      if (await page.locator('[data-testid="library-report"]:not([data-state="done"])').count()) throw new Error(`import ended ${await page.getByTestId('library-report').getAttribute('data-state')}`)
      // The element hovered may be gone as the job ends: an interaction that failed is not retried.
      await interact(page, interactions++).catch((e: unknown) => DEBUG && console.error('interaction failed:', e))
    }
    const s = await state(page)
    const tDone = performance.now() - ((await now(page)) - (s.doneAt as number))
    await page.getByTestId('nav-library').click()
    await page.locator('[data-testid="library-row"][data-name="Bench"][data-state="ready"]').waitFor(wait)
    const chunks = Number(await row.getAttribute('data-chunks'))
    if (chunks !== previewChunks) throw new Error(`stored ${chunks} chunks, the preview promised ${previewChunks}`)
    // Then the explorer opens on the new library: its points and first layout, 2 s more to settle.
    await page.locator('[data-testid="space-explorer"]:not([data-layout="none"])').waitFor(wait)
    await sleep(2000)
    const shownAt = await now(page)
    if (cdp && PROFILE) writeFileSync(PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile))
    if (TRACE) {
      await browser.stopTracing()
      for (const t of longTasksInTrace(JSON.parse(readFileSync(TRACE, 'utf8')) as Parameters<typeof longTasksInTrace>[0])) console.error('traced task', JSON.stringify(t))
    }
    const all = await state(page)
    const doneAt = s.doneAt as number
    const rel = (e: LongTask): LongTask => ({ start: Math.round(e.start - pageStart), duration: Math.round(e.duration) })
    const inImport = (e: LongTask): boolean => e.start >= pageStart && e.start <= doneAt
    const afterImport = (e: LongTask): boolean => e.start > doneAt && e.start <= shownAt
    const longTasks = all.tasks.filter(inImport).map(rel)
    const after = all.tasks.filter(afterImport).map(rel)
    if (DEBUG) for (const f of all.frames.filter((e) => inImport(e) || afterImport(e))) console.error(`frame at ${Math.round(f.start - pageStart)} ms: ${Math.round(f.duration)} ms (blocking ${Math.round(f.blocking)})`, f.scripts)
    return {
      megabytes,
      chunks,
      wall: (tDone - t0) / 1000,
      staging: (tStaged - t0) / 1000,
      preview: (tPreview - tStaged) / 1000,
      job: (tDone - tPreview) / 1000,
      longTasks,
      longestMs: Math.max(0, ...longTasks.map((e) => e.duration)),
      explorer: { seconds: (shownAt - doneAt) / 1000, longTasks: after },
      load: { mean: loads.reduce((a, b) => a + b, 0) / loads.length, max: Math.max(...loads) },
      interactions
    }
  } finally {
    await browser.close()
    await harness.close()
    if (savedSample === undefined) delete process.env.LLMX_NO_SAMPLE_LIBRARY
    else process.env.LLMX_NO_SAMPLE_LIBRARY = savedSample
    rmSync(userData, { recursive: true, force: true })
    rmSync(folder, { recursive: true, force: true })
  }
}

/** Bench rows (bench/run.ts): chunks and wall time, then the long tasks and the load. */
export async function importUiBench(megabytes = Number(process.env.IMPORT_UI_MB ?? 10)): Promise<{ name: string; result: string }[]> {
  const r = await measureImportUi(megabytes)
  console.error('import-ui bench:', JSON.stringify(r))
  const list = (tasks: LongTask[]): string => (tasks.length ? ` (${tasks.slice(0, 8).map((t) => `${t.duration} at ${(t.start / 1000).toFixed(1)} s`).join(', ')}${tasks.length > 8 ? ', …' : ''})` : '')
  const longest = (tasks: LongTask[]): number => Math.max(0, ...tasks.map((t) => t.duration))
  return [
    {
      name: `import through the UI, ${r.megabytes} MB of text in ${FILES} .txt files: chunks · wall s (staging · preview · embedding job) · load avg mean / max`,
      result: `${r.chunks} · ${r.wall.toFixed(0)} (${r.staging.toFixed(1)} · ${r.preview.toFixed(0)} · ${r.job.toFixed(0)}) · ${r.load.mean.toFixed(1)} / ${r.load.max.toFixed(1)}`
    },
    {
      name: `import through the UI: main-thread tasks over 50 ms (longtask observer) · longest ms, with ${r.interactions} interactions`,
      result: `${r.longTasks.length} · ${r.longestMs}${list(r.longTasks)}`
    },
    {
      name: 'then the explorer opening on the new library (points + PCA layout, +2 s): s · tasks over 50 ms · longest ms',
      result: `${r.explorer.seconds.toFixed(1)} · ${r.explorer.longTasks.length} · ${longest(r.explorer.longTasks)}${list(r.explorer.longTasks)}`
    }
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const mb = process.argv[2] ? Number(process.argv[2]) : undefined
  if (mb !== undefined && !(mb > 0)) throw new Error(`size in MB must be a positive number, got "${process.argv[2]}"`)
  for (const r of await importUiBench(mb)) console.log(`| ${r.name} | ${r.result} |`)
}
