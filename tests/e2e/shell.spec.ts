import { expect, test } from './fixtures'

const SECTIONS = ['concept-map', 'library', 'walkthrough', 'tokenizer', 'generation', 'models', 'settings']

test('every section opens, by click and by keyboard', async ({ app }) => {
  for (const id of SECTIONS) {
    await app.getByTestId(`nav-${id}`).click()
    await expect(app.getByTestId(`section-${id}`)).toBeVisible()
    await expect(app.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page')
  }
  await app.keyboard.press('Control+3')
  await expect(app.getByTestId('section-walkthrough')).toBeVisible()
})

test('the model host comes up and answers through the harness', async ({ app }) => {
  await expect(app.getByTestId('host-state')).toHaveAttribute('data-state', 'ready')
  await app.getByTestId('nav-models').click()
  await app.getByTestId('host-check-run').click()
  await expect(app.getByTestId('host-check-result')).toHaveAttribute('data-kind', 'ok', { timeout: 15_000 })
  await expect(app.getByTestId('host-check-result')).toContainText('answered after')
})

test('language switches live to Chinese and back, and is remembered', async ({ app, harness, page }) => {
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('settings-language').selectOption('zh-CN')
  await expect(app.getByTestId('nav-settings')).toContainText('设置')
  await expect(app.getByTestId('host-state')).toContainText('模型宿主')
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await page.screenshot({ path: 'test-results/shell-zh-CN.png' })
  await page.reload()
  await expect(app.locator('#root')).toHaveAttribute('data-app-state', 'ready')
  await expect(app.getByTestId('nav-settings')).toContainText('设置')
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('settings-language').selectOption('en')
  await expect(app.getByTestId('nav-settings')).toContainText('Settings')
  await page.screenshot({ path: 'test-results/shell-en.png' })
  expect(harness.url).toContain('token=')
})

test('dark theme applies when chosen', async ({ app }) => {
  await app.getByTestId('nav-settings').click()
  await app.getByTestId('settings-theme').selectOption('dark')
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark')
  const bg = await app.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(bg).toBe('rgb(22, 24, 29)')
})

test('a page opened without the token cannot reach the services', async ({ page, harness }) => {
  await page.goto(harness.origin + '/')
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'error')
  await expect(page.getByRole('alert')).toContainText('token')
})
