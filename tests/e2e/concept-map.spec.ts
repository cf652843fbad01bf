import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { ROOT, expect, launchHarness, openApp, test } from './fixtures'

const SETS = ['ai', 'machine-learning', 'supervised-learning', 'unsupervised-learning', 'reinforcement-learning', 'deep-learning', 'generative-ai', 'llm', 'diffusion-model']

/** Screen point of a set's label: inside the set and outside every set nested in it. */
async function labelPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId(`euler-set-${id}`).locator('.cm-label').boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** Pairs of diagram labels whose boxes (SVG user units) intersect. */
async function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<SVGTextElement>('.cm-euler .cm-label, .cm-euler .cm-corner-label')].map((e) => ({ text: e.textContent ?? '', box: e.getBBox() }))
    return boxes.flatMap((a, i) =>
      boxes.slice(i + 1).flatMap((b) => {
        const apart = a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y
        return apart ? [] : [`${a.text} × ${b.text}`]
      })
    )
  })
}

async function openMap(page: Page): Promise<void> {
  await expect(page.getByTestId('section-concept-map')).toHaveAttribute('data-ready', 'true')
}

test('the map: hovering each set lights it and dims the others; clicking opens its lesson', async ({ app }) => {
  await openMap(app)
  for (const id of SETS) {
    const p = await labelPoint(app, id)
    await app.mouse.move(p.x, p.y)
    await expect(app.getByTestId(`euler-set-${id}`)).toHaveAttribute('data-state', 'lit')
    const other = id === 'ai' ? null : 'ai'
    if (other) await expect(app.getByTestId(`euler-set-${other}`)).toHaveAttribute('data-state', 'dim')
    await expect(app.getByTestId('euler-caption')).not.toContainText('Tab')
    // The caption is on screen at 1280 × 800 (above the status bar) without scrolling.
    const caption = (await app.getByTestId('euler-caption').boundingBox())!
    expect(caption.y + caption.height).toBeLessThanOrEqual((await app.getByTestId('status-bar').boundingBox())!.y)
    await app.mouse.click(p.x, p.y)
    await expect(app.getByTestId('lesson')).toHaveAttribute('data-lesson', id)
    await expect(app.getByTestId('lesson')).toHaveAttribute('data-ready', 'true')
    await app.getByTestId('lesson-close').click()
    await expect(app.getByTestId('lesson')).toHaveCount(0)
    await expect(app.getByTestId(`euler-set-${id}`).locator('.cm-visited')).toHaveCount(1)
  }
  await expect(app.getByTestId('lesson-progress')).toHaveAttribute('data-visited', String(SETS.length))
  // Deep learning lights its subsets and dims the learning paradigms it overlaps.
  const dl = await labelPoint(app, 'deep-learning')
  await app.mouse.move(dl.x, dl.y)
  await expect(app.getByTestId('euler-set-llm')).toHaveAttribute('data-state', 'lit')
  await expect(app.getByTestId('euler-set-supervised-learning')).toHaveAttribute('data-state', 'dim')
  await expect(app.getByTestId('euler-corner')).toContainText('BERT')
})

test('the map works from the keyboard: arrows move between sets, Enter opens the lesson', async ({ app }) => {
  await openMap(app)
  await app.getByTestId('euler-set-ai').focus()
  await app.keyboard.press('ArrowRight')
  await expect(app.getByTestId('euler-set-machine-learning')).toBeFocused()
  await expect(app.getByTestId('euler-set-machine-learning')).toHaveAttribute('data-state', 'lit')
  await app.keyboard.press('End')
  await expect(app.getByTestId('euler-set-llm')).toBeFocused()
  await app.keyboard.press('Enter')
  await expect(app.getByTestId('lesson')).toHaveAttribute('data-lesson', 'llm')
  await expect(app.getByTestId('lesson-title')).toContainText('Large language model')
  await app.keyboard.press('Escape')
  await expect(app.getByTestId('lesson')).toHaveCount(0)
  // A lesson whose lab is the map itself points back at its set.
  await app.getByTestId('euler-set-ai').focus()
  await app.keyboard.press('ArrowRight')
  await app.keyboard.press('ArrowRight')
  await app.keyboard.press(' ')
  await expect(app.getByTestId('lesson')).toHaveAttribute('data-lesson', 'supervised-learning')
  await app.getByTestId('lesson-lab-map').click()
  await expect(app.getByTestId('lesson')).toHaveCount(0)
  await expect(app.getByTestId('euler-set-supervised-learning')).toBeFocused()
  await expect(app.getByTestId('euler-set-supervised-learning')).toHaveAttribute('data-state', 'lit')
})

test('graph search finds a concept; its lesson links to other lessons and opens its lab', async ({ app }) => {
  await openMap(app)
  await app.getByTestId('cm-view-graph').click()
  await expect(app.getByTestId('concept-graph')).toHaveAttribute('data-layout', 'done')
  await app.getByTestId('graph-search').fill('attention')
  await expect(app.getByTestId('graph-search-count')).toHaveAttribute('data-count', /^[3-9]$/)
  await expect(app.getByTestId('graph-node-self-attention')).toHaveAttribute('data-match', 'true')
  await expect(app.getByTestId('graph-node-token')).toHaveAttribute('data-match', 'false')
  await app.getByTestId('graph-search').fill('zzzz')
  await expect(app.getByTestId('graph-search-count')).toHaveAttribute('data-count', '0')
  await app.getByTestId('graph-search').fill('self-attention')
  await app.getByTestId('graph-node-self-attention').click()
  await expect(app.getByTestId('lesson')).toHaveAttribute('data-ready', 'true')
  // A glossary link opens another lesson.
  await app.getByTestId('glossary-link-multi-head-attention').click()
  await expect(app.getByTestId('lesson')).toHaveAttribute('data-lesson', 'multi-head-attention')
  await app.getByTestId('lesson').getByTestId('lesson-link-self-attention').first().click()
  await expect(app.getByTestId('lesson')).toHaveAttribute('data-lesson', 'self-attention')
  await expect(app.getByTestId('lesson-lab')).toHaveAttribute('data-target', 'attention')
  await app.getByTestId('lesson-lab').click()
  await expect(app.getByTestId('section-walkthrough')).toBeVisible()
  await expect(app.getByTestId('nav-walkthrough')).toHaveAttribute('aria-current', 'page')
})

test('chapter filter hides other chapters; a later lab says so; the RAG lesson opens its generation preset', async ({ app }) => {
  await openMap(app)
  await app.getByTestId('cm-view-graph').click()
  await expect(app.getByTestId('concept-graph')).toHaveAttribute('data-layout', 'done')
  await app.getByTestId('chapter-prompting').click()
  await expect(app.getByTestId('graph-node-rag')).toBeVisible()
  await expect(app.getByTestId('graph-node-token')).toHaveCount(0)
  await app.getByTestId('graph-node-prompt-engineering').click()
  await expect(app.getByTestId('lesson-lab-later')).toContainText('later release')
  // At 1280 px the lesson takes the whole area; choosing a view closes it so the view shows again.
  await expect(app.getByTestId('graph-node-rag')).toBeHidden()
  await app.getByTestId('cm-view-graph').click()
  await expect(app.getByTestId('lesson')).toHaveCount(0)
  await expect(app.getByTestId('graph-node-rag')).toBeVisible()
  await app.getByTestId('chapter-all').click()
  await expect(app.getByTestId('graph-node-token')).toBeVisible()
  // the RAG lesson's lab is the generation lab's "Fact in the prompt" preset, loaded and run
  await app.getByTestId('graph-search').fill('rag')
  await app.getByTestId('graph-node-rag').click()
  await expect(app.getByTestId('lesson-lab')).toHaveAttribute('data-target', 'rag')
  await app.getByTestId('lesson-lab').click()
  await expect(app.getByTestId('section-generation')).toBeVisible()
  await expect(app.getByTestId('gen-preset-rag')).toHaveClass(/active/)
  await expect(app.getByTestId('gen-prompt')).toHaveValue(/^User: Context: Tristal lives in Voford\./)
  const out = app.getByTestId('gen-output-0')
  await expect(out).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
  expect(await out.getAttribute('data-text')).toBe(' Tristal lives in Voford.<|endoftext|>')
})

test('self-check answers and visits are remembered across a restart', async ({ app, page, userDataDir }) => {
  await openMap(app)
  const p = await labelPoint(app, 'generative-ai')
  await app.mouse.click(p.x, p.y)
  await expect(app.getByTestId('lesson')).toHaveAttribute('data-ready', 'true')
  // The right option, read from the lesson file itself.
  const check = readFileSync(join(ROOT, 'resources/lessons/en/generative-ai.md'), 'utf8').split('## @check')[1]!
  const marks = [...check.matchAll(/^- \[( |x)\]/gm)].map((m) => m[1])
  const right = marks.indexOf('x')
  const wrong = (right + 1) % marks.length
  await expect(app.getByTestId('self-check').locator('input[type=radio]')).toHaveCount(marks.length)
  await app.getByTestId(`check-option-${wrong}`).check()
  await app.getByTestId('check-submit').click()
  await expect(app.getByTestId('check-feedback')).toHaveAttribute('data-correct', 'false')
  await expect(app.getByTestId('lesson-progress')).toHaveAttribute('data-right', '0')
  await app.getByTestId(`check-option-${right}`).check()
  await app.getByTestId('check-submit').click()
  await expect(app.getByTestId('check-feedback')).toHaveAttribute('data-correct', 'true')
  await expect(app.getByTestId('lesson-progress')).toHaveAttribute('data-right', '1')

  const second = await launchHarness(userDataDir)
  try {
    await openApp(page, second)
    await openMap(page)
    await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-visited', '1')
    await expect(page.getByTestId('euler-set-generative-ai').locator('.cm-visited')).toHaveCount(1)
    const q = await labelPoint(page, 'generative-ai')
    await page.mouse.click(q.x, q.y)
    await expect(page.getByTestId('check-feedback')).toHaveAttribute('data-correct', 'true')
    await expect(page.getByTestId(`check-option-${right}`)).toBeChecked()
  } finally {
    await second.close()
  }
})

test('looks right in both languages and both themes (screenshots)', async ({ app }, info) => {
  await openMap(app)
  await app.screenshot({ path: info.outputPath('map-en-light.png') })
  await app.setViewportSize({ width: 1600, height: 900 })
  const t = await labelPoint(app, 'deep-learning')
  await app.mouse.click(t.x, t.y)
  await expect(app.getByTestId('lesson')).toHaveAttribute('data-ready', 'true')
  await app.screenshot({ path: info.outputPath('lesson-en-light-wide.png') })
  await app.getByTestId('lesson-close').click()
  await app.setViewportSize({ width: 1280, height: 800 })
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('settings-language').selectOption('zh-CN')
  await app.getByTestId('settings-theme').selectOption('dark')
  await app.getByTestId('nav-concept-map').click()
  await openMap(app)
  await expect(app.getByTestId('euler-set-llm')).toContainText('大语言模型')
  await expect(app.getByTestId('euler-corner')).toContainText('仅编码器')
  expect(await overlappingLabels(app)).toEqual([])
  await app.screenshot({ path: info.outputPath('map-zh-dark.png') })
  const p = await labelPoint(app, 'llm')
  await app.mouse.click(p.x, p.y)
  await expect(app.getByTestId('lesson')).toHaveAttribute('data-ready', 'true')
  await expect(app.getByTestId('lesson-title')).toContainText('大语言模型')
  await app.screenshot({ path: info.outputPath('lesson-zh-dark.png') })
  await app.getByTestId('lesson-close').click()
  await app.getByTestId('cm-view-graph').click()
  await expect(app.getByTestId('concept-graph')).toHaveAttribute('data-layout', 'done')
  await app.getByTestId('graph-search').fill('注意力')
  await expect(app.getByTestId('graph-node-cross-attention')).toHaveAttribute('data-match', 'true')
  await app.screenshot({ path: info.outputPath('graph-zh-dark.png') })
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('settings-language').selectOption('en')
  await app.getByTestId('settings-theme').selectOption('light')
  await app.getByTestId('nav-concept-map').click()
  await app.getByTestId('cm-view-graph').click()
  await expect(app.getByTestId('concept-graph')).toHaveAttribute('data-layout', 'done')
  await app.screenshot({ path: info.outputPath('graph-en-light.png') })
  await app.setViewportSize({ width: 800, height: 600 })
  await app.getByTestId('cm-view-map').click()
  await app.screenshot({ path: info.outputPath('map-en-small.png') })
})

test('the drawing agrees with graph.json: nested sets inside their parents, the two exceptions drawn as such', async ({ app }) => {
  await openMap(app)
  // For each pair (a, b): the share of a's outline points that lie inside b's shape.
  const share = (a: string, b: string): Promise<number> =>
    app.evaluate(([x, y]) => {
      const path = (id: string): SVGPathElement => document.querySelector(`[data-testid="euler-set-${id}"] .cm-shape`)!
      const p = path(x)
      const q = path(y)
      let inside = 0
      for (let i = 0; i < 120; i++) {
        const pt = p.getPointAtLength((p.getTotalLength() * i) / 120)
        if (q.isPointInFill(new DOMPoint(pt.x, pt.y))) inside++
      }
      return inside / 120
    }, [a, b] as const)
  const nested: [string, string][] = [
    ['machine-learning', 'ai'], ['supervised-learning', 'machine-learning'], ['unsupervised-learning', 'machine-learning'],
    ['reinforcement-learning', 'machine-learning'], ['deep-learning', 'machine-learning'], ['generative-ai', 'deep-learning'],
    ['diffusion-model', 'generative-ai'], ['llm', 'deep-learning']
  ]
  for (const [child, parent] of nested) expect(await share(child, parent), `${child} in ${parent}`).toBe(1)
  // Deep learning overlaps each paradigm: partly inside, partly outside each.
  for (const p of ['supervised-learning', 'unsupervised-learning', 'reinforcement-learning']) {
    const s = await share('deep-learning', p)
    expect(s, `deep-learning overlaps ${p}`).toBeGreaterThan(0.05)
    expect(s).toBeLessThan(0.95)
  }
  // The LLM set pokes out of generative AI (the encoder-only corner) but stays inside deep learning.
  const llmInGen = await share('llm', 'generative-ai')
  expect(llmInGen).toBeGreaterThan(0.25)
  expect(llmInGen).toBeLessThan(0.8)
  // Diffusion models and LLMs do not overlap.
  expect(await share('diffusion-model', 'llm')).toBe(0)
  // No label covers another (e.g. "Large language models" and the encoder-only corner).
  expect(await overlappingLabels(app)).toEqual([])
})
