/**
 * The Transformer walkthrough end to end: real harness, real model host, real teaching models.
 * Numbers on screen are compared with the model host's own output (the runTeachingGraph op).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { walkthroughOps } from '../../src/worker/ops/walkthrough'
import { configureTransformers } from '../../src/worker/transformers-env'
import { ROOT, expect, test } from './fixtures'

const MODELS = join(ROOT, 'resources/models')
const TRUTH = join(ROOT, 'tests/fixtures/teaching/translator-truth.json')

/** Opens the walkthrough and waits until the live trace of the current mode is shown. */
async function openLive(app: Page): Promise<void> {
  await app.getByTestId('nav-walkthrough').click()
  await expect(app.getByTestId('wt-scene')).toHaveAttribute('data-live', 'true', { timeout: 60_000 })
}

/** Clicks "next" until the step `key` is shown; returns the keys passed. */
async function stepUntil(app: Page, key: string): Promise<string[]> {
  const seen: string[] = []
  for (let i = 0; i < 60; i++) {
    const current = (await app.getByTestId('wt-scene').getAttribute('data-step')) ?? ''
    seen.push(current)
    if (current === key) return seen
    await app.getByTestId('wt-next').click()
    await expect(app.getByTestId('wt-scene')).not.toHaveAttribute('data-step', current)
  }
  throw new Error(`step ${key} never came; saw ${seen.join(', ')}`)
}

/** Every number the scene shows with its tensor, index and displayed text. */
async function shownNumbers(app: Page): Promise<{ tensor: string; index: number[]; text: string }[]> {
  return app.getByTestId('wt-scene').locator('[data-testid="wt-num"]').evaluateAll((els) =>
    els.map((e) => ({ tensor: e.getAttribute('data-tensor') ?? '', index: (e.getAttribute('data-index') ?? '').split(',').map(Number), text: e.getAttribute('data-value') ?? '' }))
  )
}

function format(v: number, digits: number): string {
  if (v <= -1e8) return '−1e9'
  const s = v.toFixed(digits)
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s
}

test('steps through the whole translation of "She is in a restaurant"', async ({ app }) => {
  await openLive(app)
  await expect(app.getByTestId('wt-ids')).toHaveAttribute('data-value', /.+/)
  // player: space plays at the chosen speed and pauses again
  await app.getByTestId('wt-speed').selectOption('4')
  await app.getByTestId('wt-title').click()
  await app.keyboard.press(' ')
  await expect(app.getByTestId('wt-play')).toHaveAttribute('aria-label', 'Pause')
  await expect(app.getByTestId('wt-scene')).toHaveAttribute('data-step', 'embedding')
  await app.keyboard.press(' ')
  await expect(app.getByTestId('wt-play')).toHaveAttribute('aria-label', 'Play')
  await app.keyboard.press('Home')
  await expect(app.getByTestId('wt-scene')).toHaveAttribute('data-step', 'tokenize')
  const seen = await stepUntil(app, 'compare')
  expect(seen.slice(0, 10)).toEqual(['tokenize', 'embedding', 'positional', 'enc-qkv', 'enc-scores', 'enc-weights', 'enc-output', 'enc-ffn', 'enc-stack', 'dec-start'])
  expect(seen).toContain('dec-cross')
  expect(seen.filter((k) => k.startsWith('loop-'))).toHaveLength(7)
  await app.getByTestId('wt-outline-dec-cross').click()
  await expect(app.getByTestId('wt-heatmap')).toHaveAttribute('data-rows', '7')
  await expect(app.getByTestId('wt-heatmap')).toHaveAttribute('data-cols', '6')
  await app.getByTestId('wt-scene').screenshot({ path: 'test-results/walkthrough-cross-attention.png' })
  await app.getByTestId('wt-outline-loop-6').click()
  await expect(app.getByTestId('wt-output')).toHaveAttribute('data-value', 'Elle est dans un restaurant .')
  await expect(app.getByTestId('wt-output')).toHaveAttribute('data-done', 'true')
  await expect(app.getByTestId('wt-translation')).toHaveAttribute('data-value', 'Elle est dans un restaurant .')
})

test('translates a held-out sentence of the grammar, flagging unknown words first', async ({ app }) => {
  const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as { items: { sentence: string; french: string }[] }
  const heldOut = truth.items[1]!
  await openLive(app)
  await app.getByTestId('wt-input').fill('She is in a resturant')
  await expect(app.getByTestId('wt-unknown-word')).toHaveAttribute('data-word', 'resturant')
  await expect(app.getByTestId('wt-run')).toBeDisabled()
  await app.getByTestId('wt-suggestion').first().click()
  await expect(app.getByTestId('wt-input')).toHaveValue('She is in a restaurant')
  await expect(app.getByTestId('wt-unknown')).toHaveCount(0)
  await app.getByTestId('wt-input').fill(heldOut.sentence)
  await expect(app.getByTestId('wt-run')).toBeEnabled()
  await app.getByTestId('wt-run').click()
  await expect(app.getByTestId('section-walkthrough')).toHaveAttribute('data-status', 'ready')
  await app.keyboard.press('End')
  await expect(app.getByTestId('wt-scene')).toHaveAttribute('data-step', 'compare')
  await app.keyboard.press('ArrowLeft')
  await expect(app.getByTestId('wt-output')).toHaveAttribute('data-done', 'true')
  await expect(app.getByTestId('wt-output')).toHaveAttribute('data-value', heldOut.french)
})

test('numbers on screen equal the model host output for three scenes', async ({ app, userDataDir }) => {
  await openLive(app)
  process.env.LLMX_MODELS_DIR = MODELS
  configureTransformers(MODELS, join(userDataDir, 'test-cache'))
  const ctx = { signal: new AbortController().signal, progress: () => undefined }
  const ids = (await app.getByTestId('wt-ids').getAttribute('data-value'))!.split(',').map(Number)
  const tgt = [1, ...(await walkthroughOps.translate({ modelId: 'teaching-translator', text: 'She is in a restaurant' }, ctx)).tokenIds]
  const { outputs } = await walkthroughOps.runTeachingGraph({ modelId: 'teaching-translator', srcIds: ids, tgtIds: tgt }, ctx)
  const check = async (outline: string, expectTensors: string[]): Promise<void> => {
    await app.getByTestId(`wt-outline-${outline}`).click()
    await expect(app.getByTestId('wt-scene')).toHaveAttribute('data-step', outline)
    const nums = await shownNumbers(app)
    expect(nums.map((n) => n.tensor)).toEqual(expect.arrayContaining(expectTensors))
    for (const n of nums) {
      const t = outputs[n.tensor]!
      expect(t, n.tensor).toBeDefined()
      let flat = 0
      for (let a = 0; a < n.index.length; a++) flat = flat * t.dims[a]! + n.index[a]!
      const digits = n.text.split('.')[1]?.length ?? 0
      expect(n.text, `${n.tensor}[${n.index.join(',')}]`).toBe(format(t.data[flat]!, digits))
    }
  }
  await check('embedding', ['src.embed'])
  await app.getByTestId('wt-outline-enc-weights').click()
  await app.getByTestId('wt-head').selectOption('1')
  await check('enc-weights', ['enc.0.self.weights'])
  await check('softmax', ['probs'])
})

test('decoder-only mode on the toy GPT ends in sampling with a temperature', async ({ app }) => {
  await openLive(app)
  await app.getByTestId('wt-mode-decoder-only').click()
  await expect(app.getByTestId('section-walkthrough')).toHaveAttribute('data-mode', 'decoder-only')
  await expect(app.getByTestId('wt-scene')).toHaveAttribute('data-live', 'true', { timeout: 60_000 })
  await expect(app.getByTestId('wt-outline-dec-cross')).toHaveCount(0)
  const n = (await app.getByTestId('wt-ids').getAttribute('data-value'))!.split(',').length
  await app.getByTestId('wt-outline-gpt-weights').click()
  await expect(app.getByTestId('wt-heatmap')).toHaveAttribute('data-rows', String(n))
  await app.getByTestId('wt-outline-sampling').click()
  const before = await app.getByTestId('wt-candidate').first().locator('[data-testid="wt-num"]').getAttribute('data-value')
  await app.getByTestId('wt-temperature-slider').fill('2')
  await expect(app.getByTestId('wt-temperature')).toHaveText('2.00')
  await expect(app.getByTestId('wt-candidate').first().locator('[data-testid="wt-num"]')).not.toHaveAttribute('data-value', before ?? '')
  await app.getByTestId('wt-greedy').click()
  await expect(app.getByTestId('wt-scene').getByTestId('wt-token')).toHaveCount(n + 1)
  await expect(app.getByTestId('wt-input')).toHaveValue(/^Klaloux lives in.+/)
  await app.getByTestId('wt-sample').click()
  await expect(app.getByTestId('wt-scene').getByTestId('wt-token')).toHaveCount(n + 2)
  await expect(app.getByTestId('wt-scene')).toHaveAttribute('data-step', 'sampling')
})

test('attention views stay usable at 128 tokens (decoder-only)', async ({ app }) => {
  await openLive(app)
  await app.getByTestId('wt-mode-decoder-only').click()
  await expect(app.getByTestId('wt-scene')).toHaveAttribute('data-live', 'true', { timeout: 60_000 })
  const long = Array.from({ length: 128 }, (_, i) => (i % 2 ? 'in' : 'Klaloux')).join(' ')
  await app.getByTestId('wt-input').fill(long)
  await app.getByTestId('wt-run').click()
  await expect(app.getByTestId('section-walkthrough')).toHaveAttribute('data-status', 'ready')
  await app.getByTestId('wt-outline-gpt-weights').click()
  await expect(app.getByTestId('wt-heatmap')).toHaveAttribute('data-rows', '128')
  const rows = 128
  const canvas = app.getByTestId('wt-heatmap').locator('canvas')
  const box = (await canvas.boundingBox())!
  await canvas.hover({ position: { x: box.width - 2, y: box.height - 2 } })
  await expect(app.getByTestId('wt-tooltip')).toContainText(`[${rows} × ${rows}]`)
})

/**
 * Every step change is committed (DOM and canvases) within the key press's own task, i.e. before
 * the next frame. Times are printed for the report, not asserted (speed lives in benchmarks).
 */
async function measureSteps(app: Page): Promise<number[]> {
  await app.keyboard.press('Home')
  return app.evaluate(async () => {
    const times: number[] = []
    const scene = (): string | null => document.querySelector('[data-testid="wt-scene"]')?.getAttribute('data-step') ?? null
    const count = Number(document.querySelector('[data-testid="wt-scrub"]')?.getAttribute('max') ?? 0)
    for (let i = 0; i < count; i++) {
      const before = scene()
      // the time at which the next frame starts (rAF callbacks run before that frame's paint)
      const t0 = performance.now()
      const frame = new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())))
      let committed = Number.POSITIVE_INFINITY
      const observer = new MutationObserver(() => {
        if (scene() !== before && committed === Number.POSITIVE_INFINITY) committed = performance.now()
      })
      observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-step'] })
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
      const frameAt = await frame
      observer.disconnect()
      times.push(committed <= frameAt ? committed - t0 : Number.POSITIVE_INFINITY)
    }
    return times
  })
}

test('each step change renders synchronously, at 7 and at 128 tokens', async ({ app }) => {
  await openLive(app)
  const translator = await measureSteps(app)
  expect(translator.every(Number.isFinite)).toBe(true)
  await app.getByTestId('wt-mode-decoder-only').click()
  await expect(app.getByTestId('wt-scene')).toHaveAttribute('data-live', 'true', { timeout: 60_000 })
  await app.getByTestId('wt-input').fill(Array.from({ length: 128 }, (_, i) => (i % 2 ? 'in' : 'Klaloux')).join(' '))
  await app.getByTestId('wt-run').click()
  await expect(app.getByTestId('wt-scene').getByTestId('wt-token').first()).toBeVisible()
  await expect(app.getByTestId('section-walkthrough')).toHaveAttribute('data-status', 'ready')
  await app.getByTestId('wt-outline-gpt-weights').click()
  await expect(app.getByTestId('wt-heatmap')).toHaveAttribute('data-rows', '128')
  const gpt = await measureSteps(app)
  expect(gpt.every(Number.isFinite)).toBe(true)
  const stats = (xs: number[]): string => `median ${[...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`
  console.log(`step change, translator (7 tokens): ${stats(translator)}; decoder-only (128 tokens): ${stats(gpt)}`)
})
