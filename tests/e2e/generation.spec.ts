// The generation lab in Chromium through the harness, on the bundled toy GPTs.
import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'

const PROMPT = 'User: Where does Gux live?\nAssistant:'

async function generate(app: Page): Promise<string> {
  await app.getByTestId('gen-start').click()
  const out = app.getByTestId('gen-output-0')
  await expect(out).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
  const text = await out.getAttribute('data-text')
  // wait for the next run to be distinguishable: the button is enabled again
  await expect(app.getByTestId('gen-start')).toBeEnabled()
  return text ?? ''
}

for (const model of ['toy-base', 'toy-chat']) {
  test(`${model}: the same seed gives the same text twice`, async ({ app }) => {
    await app.getByTestId('nav-generation').click()
    await app.getByTestId('gen-model').selectOption(model)
    await app.getByTestId('gen-prompt').fill(PROMPT)
    await app.getByTestId('gen-temperature').fill('1.5')
    await app.getByTestId('gen-seed').fill('7')
    await app.getByTestId('gen-maxNewTokens').fill('20')
    const first = await generate(app)
    expect(first.length).toBeGreaterThan(0)
    expect(await app.getByTestId('gen-output-0').locator('.gen-tok').count()).toBeGreaterThan(0)
    expect(await generate(app)).toBe(first)
  })
}

test('the distribution redraws with top-k, and step mode appends a chosen token', async ({ app, page }) => {
  await app.getByTestId('nav-generation').click()
  await app.getByTestId('gen-prompt').fill(PROMPT)
  const chart = app.getByTestId('gen-chart')
  await expect(app.getByTestId('gen-bar')).toHaveCount(20, { timeout: 60_000 })
  await app.getByTestId('gen-topK').fill('5')
  await expect(chart).toHaveAttribute('data-kept', '5')
  // after top-k 5 only five bars keep probability, and they sum to 1
  const probs = await app.getByTestId('gen-bar').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-prob'))))
  expect(probs.filter((p) => p > 0)).toHaveLength(5)
  expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4)
  await app.getByTestId('gen-mode').selectOption('greedy')
  await expect(chart).toHaveAttribute('data-kept', '1')
  await page.screenshot({ path: 'test-results/generation-lab.png', fullPage: true })
  await app.getByTestId('gen-bar').first().locator('button').click()
  await expect(app.getByTestId('gen-step-count')).toHaveAttribute('data-count', '1')
})

test('base-vs-chat preset runs the same prompt on both models side by side', async ({ app, page }) => {
  await app.getByTestId('nav-generation').click()
  await app.getByTestId('gen-preset-base-vs-chat').click()
  await expect(app.getByTestId('gen-output-0')).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
  await expect(app.getByTestId('gen-output-1')).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
  // presets decode greedily: a generated token opens its 20 candidates, itself the first
  await app.getByTestId('gen-output-1').locator('.gen-tok').first().click()
  await expect(app.getByTestId('gen-alternatives').locator('li')).toHaveCount(20)
  await expect(app.getByTestId('gen-alternatives').locator('li').first()).toHaveClass('gen-chosen')
  await app.getByTestId('gen-run').screenshot({ path: 'test-results/generation-base-vs-chat.png' })
  // the hallucination preset asks toy-chat about a held-out person
  await app.getByTestId('gen-preset-hallucination').click()
  await expect(app.getByTestId('gen-model')).toHaveValue('toy-chat')
  await expect(app.getByTestId('gen-prompt')).toHaveValue(/Tristal/)
  await expect(app.getByTestId('gen-output-1')).toHaveCount(0)
  await expect(app.getByTestId('gen-output-0')).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
  await page.screenshot({ path: 'test-results/generation-hallucination.png' })
})

test('the Tool use preset runs the lookup tool: the fact-sheet passage in a tool block, then the answer', async ({ app, page }) => {
  await app.getByTestId('nav-generation').click()
  await app.getByTestId('gen-preset-react').click()
  await expect(app.getByTestId('gen-tool')).toBeChecked()
  await expect(app.getByTestId('gen-preset-notes')).toContainText('runs that lookup on the toy world')
  const out = app.getByTestId('gen-output-0')
  await expect(out).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
  const tool = out.getByTestId('gen-tool-output')
  await expect(tool).toHaveCount(1)
  await expect(tool).toHaveAttribute('data-found', 'true')
  await expect(tool).toContainText('lookup tool')
  await expect(tool).toContainText('Tristal lives in Voford. Tristal works as a cook. Tristal has a duck.')
  // the model wrote the action before the block and the answer after it
  expect(await out.getAttribute('data-text')).toMatch(/^ Thought: I need to look up Tristal\.\nAction: lookup\[ Tristal \]\nObservation: Tristal lives in Voford\.[^\n]*\nAnswer: [^\n]*duck/)
  await expect(out).toContainText('1 tool call')
  await app.getByTestId('gen-run').screenshot({ path: 'test-results/generation-react.png' })
  await page.screenshot({ path: 'test-results/generation-react-page.png' })
})

test('Write a program: toy-chat writes the program, the app runs it and shows what it prints', async ({ app, page }) => {
  await app.getByTestId('nav-generation').click()
  await app.getByTestId('gen-preset-pal').click()
  await expect(app.getByTestId('gen-preset-notes')).toContainText('the app runs it')
  const out = app.getByTestId('gen-output-0')
  await expect(out).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
  expect(await out.getAttribute('data-text')).toBe(' a = 60 + 35\nb = a - 4\nprint(b)<|endoftext|>')
  await expect(app.getByTestId('gen-program-output')).toContainText('The program prints: 91')
  await app.getByTestId('gen-run').screenshot({ path: 'test-results/generation-pal.png' })
  // Step by step gets the tokens its written steps need, and ends with the answer
  await app.getByTestId('gen-preset-cot').click()
  await expect(app.getByTestId('gen-maxNewTokens')).toHaveValue('100')
  await expect(out).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
  expect(await out.getAttribute('data-text')).toMatch(/The answer is 623\.<\|endoftext\|>$/)
  await expect(app.getByTestId('gen-program-output')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/generation-cot.png' })
})
