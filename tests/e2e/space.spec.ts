/**
 * The embedding-space explorer end to end: a library of short passages embedded by the bundled
 * multilingual-e5 model in the real model host, created through the library store's API in the
 * test setup, then explored in the Library view: PCA layout, semantic search, selection with
 * neighbours, canvas picking, UMAP with an animated change, clusters, exports.
 */
import type { Page } from '@playwright/test'
import type { Harness } from '../../src/harness/server'
import { getLibraryStore } from '../../src/core/library/store'
import { makeLibrary } from '../unit/space/library-fixture'
import { expect, test } from './fixtures'

/** Passages written for this test: four topics, English and Chinese. */
const PASSAGES: [string, string][] = [
  ['plants.md', 'Leaves capture sunlight and use it to turn water and carbon dioxide into sugar.'],
  ['plants.md', 'Photosynthesis happens in the chloroplasts, which hold the green pigment chlorophyll.'],
  ['plants.md', 'Roots take up water and minerals from the soil for the rest of the plant.'],
  ['plants.md', '植物的叶子吸收阳光，把水和二氧化碳变成糖。'],
  ['plants.md', '光合作用发生在叶绿体中，叶绿素让叶子呈现绿色。'],
  ['trains.md', 'The night train leaves the station at eleven and arrives in the capital at dawn.'],
  ['trains.md', 'High-speed rail lines need gentle curves so trains can run at 300 km/h.'],
  ['trains.md', 'A ticket for the sleeper carriage includes a bed and breakfast.'],
  ['trains.md', '高铁列车以每小时三百公里的速度行驶。'],
  ['trains.md', '夜班火车十一点出发，天亮时到达首都。'],
  ['cooking.md', 'Simmer the tomato sauce slowly and add basil just before serving.'],
  ['cooking.md', 'Knead the bread dough for ten minutes, then let it rise for an hour.'],
  ['cooking.md', 'Fry the garlic gently so it turns golden but never burns.'],
  ['cooking.md', '把面团揉十分钟，然后让它发酵一个小时。'],
  ['cooking.md', '番茄酱要用小火慢慢熬，出锅前加入罗勒。'],
  ['music.md', 'A violin has four strings tuned in fifths.'],
  ['music.md', 'The orchestra tunes to the oboe before the concert begins.'],
  ['music.md', 'Drums and bass together hold the rhythm of a song.'],
  ['music.md', '小提琴有四根弦，按五度音程定弦。'],
  ['music.md', '音乐会开始前，乐队根据双簧管的音调音。']
]

test.beforeAll(() => {
  process.env.LLMX_NO_SAMPLE_LIBRARY = '1'
})
test.afterAll(() => {
  delete process.env.LLMX_NO_SAMPLE_LIBRARY
})

/** The bundled embedding model (whichever the library feature offers first) embeds the passages. */
async function embedPassages(harness: Harness): Promise<{ model: string; vectors: Float32Array; dim: number }> {
  const [model] = await harness.services.handlers['library:models']({})
  expect(model, 'a bundled embedding model').toBeDefined()
  const { vectors, dim } = await harness.services.host.request('embed', { modelId: model!.id, texts: PASSAGES.map(([, t]) => t), kind: 'passage' })
  return { model: model!.id, vectors, dim }
}

async function openExplorer(app: Page): Promise<void> {
  await app.getByTestId('nav-library').click()
  await expect(app.getByTestId('space-explorer')).toHaveAttribute('data-layout', 'pca-3', { timeout: 60_000 })
  await expect(app.getByTestId('space-explorer')).toHaveAttribute('data-points', String(PASSAGES.length))
}

test('search, select a point and see its neighbours, switch to UMAP, cluster, export', async ({ app, harness, userDataDir }) => {
  test.setTimeout(240_000)
  const { model, vectors, dim } = await embedPassages(harness)
  const chunks = PASSAGES.map(([document, text]) => ({ document, text, meta: { lang: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en' } }))
  await makeLibrary(userDataDir, 'Four topics', model, chunks, vectors, dim)
  expect((await (await getLibraryStore(userDataDir)).list()).length).toBe(1)
  await openExplorer(app)
  await expect(app.getByTestId('space-distortion')).toBeVisible()
  await expect(app.getByTestId('space-legend')).toContainText('plants.md')

  // Semantic search: the query is embedded by the same model and placed exactly (PCA).
  await app.getByTestId('space-search-input').fill('How do green plants make food from light?')
  await app.getByTestId('space-search-run').click()
  await expect(app.getByTestId('space-placement')).toHaveAttribute('data-placement', 'exact')
  const hits = app.getByTestId('space-hit')
  await expect(hits).toHaveCount(10)
  const top3 = await hits.evaluateAll((els) => els.slice(0, 3).map((e) => Number(e.getAttribute('data-index'))))
  expect(top3.every((i) => PASSAGES[i]![0] === 'plants.md')).toBe(true)

  // Select the top hit: the side panel shows the chunk, its document and 10 neighbours with scores.
  await hits.first().click()
  await expect(app.getByTestId('space-explorer')).toHaveAttribute('data-selected', String(top3[0]))
  await expect(app.getByTestId('space-panel-text')).toHaveText(PASSAGES[top3[0]!]![1])
  await expect(app.getByTestId('space-panel-document')).toContainText('plants.md')
  const neighbours = app.getByTestId('space-neighbour')
  await expect(neighbours).toHaveCount(10)
  const scores = (await neighbours.locator('.space-score').allTextContents()).map(Number)
  expect(scores).toEqual([...scores].sort((a, b) => b - a))
  expect(PASSAGES[Number(await neighbours.first().getAttribute('data-index'))]![0]).toBe('plants.md')

  // Pick a point on the canvas: hover shows its text, a click selects it.
  const pos = await app.getByTestId('embedding-scene').evaluate((el) => (el.parentElement as unknown as { spaceCloud: { screenPosition(i: number): { x: number; y: number } | null } }).spaceCloud.screenPosition(5))
  expect(pos).not.toBeNull()
  const box = (await app.getByTestId('embedding-scene').boundingBox())!
  await app.mouse.move(box.x + pos!.x, box.y + pos!.y)
  await expect(app.getByTestId('space-tooltip')).toBeVisible()
  await app.mouse.click(box.x + pos!.x, box.y + pos!.y)
  await expect(app.getByTestId('space-explorer')).not.toHaveAttribute('data-selected', String(top3[0]))
  await expect(app.getByTestId('space-panel-text')).toHaveText(/./)

  // UMAP runs as a job on the worker thread; the layout then changes (cached for next time).
  await app.getByTestId('space-method-umap').click()
  await expect(app.getByTestId('space-explorer')).toHaveAttribute('data-layout', 'umap-3', { timeout: 120_000 })
  await expect(app.getByTestId('space-placement')).toHaveAttribute('data-placement', /transform|neighbours/)

  // k-means with k = 4: the legend lists 4 clusters named by their terms.
  await app.getByTestId('space-k').fill('4')
  await app.getByTestId('space-cluster-run').click()
  await expect(app.getByTestId('space-cluster-done')).toHaveAttribute('data-k', '4')
  await expect(app.getByTestId('space-colour')).toHaveValue('cluster')
  await expect(app.getByTestId('space-legend').locator('li')).toHaveCount(4)

  // Projector export: two TSV files whose rows line up.
  const downloads: string[] = []
  app.on('download', (d) => downloads.push(d.suggestedFilename()))
  await app.getByTestId('space-export-tsv').click()
  await expect.poll(() => downloads.sort()).toEqual(['metadata.tsv', 'vectors.tsv'])
  await app.screenshot({ path: 'test-results/space-explorer.png' })
})

test('2D view and t-SNE say how the query is placed', async ({ app, harness, userDataDir }) => {
  test.setTimeout(180_000)
  const { model, vectors, dim } = await embedPassages(harness)
  await makeLibrary(userDataDir, 'Four topics', model, PASSAGES.map(([document, text]) => ({ document, text })), vectors, dim)
  await openExplorer(app)
  await app.getByTestId('space-dims-2').click()
  await expect(app.getByTestId('space-explorer')).toHaveAttribute('data-layout', 'pca-2')
  await app.getByTestId('space-method-tsne').click()
  await expect(app.getByTestId('space-explorer')).toHaveAttribute('data-layout', 'tsne-2', { timeout: 120_000 })
  await app.getByTestId('space-search-input').fill('火车什么时候出发？')
  await app.getByTestId('space-search-run').click()
  await expect(app.getByTestId('space-placement')).toHaveAttribute('data-placement', 'neighbours')
  await expect(app.getByTestId('space-placement')).toContainText('weighted mean')
  const top = Number(await app.getByTestId('space-hit').first().getAttribute('data-index'))
  expect(PASSAGES[top]![0]).toBe('trains.md')
  await app.getByTestId('space-colour').selectOption('similarity')
  await expect(app.getByTestId('space-legend')).toContainText('Cosine similarity')
})

test('explores a library imported through the library view (pasted text)', async ({ app }) => {
  test.setTimeout(240_000)
  await app.getByTestId('nav-library').click()
  await app.getByTestId('library-new-name').fill('Pasted')
  await app.getByTestId('library-create').click()
  await app.getByTestId('library-paste').fill(PASSAGES.map(([, t]) => t).join('\n\n'))
  await app.getByTestId('library-paste-add').click()
  await app.getByTestId('library-preview-run').click()
  await expect(app.getByTestId('library-preview')).toHaveAttribute('data-chunks', String(PASSAGES.length))
  await app.getByTestId('library-import-start').click()
  await expect(app.getByTestId('library-report')).toHaveAttribute('data-state', 'done', { timeout: 180_000 })
  await expect(app.getByTestId('space-explorer')).toHaveAttribute('data-layout', 'pca-3', { timeout: 60_000 })
  await expect(app.getByTestId('space-explorer')).toHaveAttribute('data-points', String(PASSAGES.length))
  await app.getByTestId('space-search-input').fill('夜里坐火车去首都')
  await app.getByTestId('space-search-run').click()
  const top = app.getByTestId('space-hit').first()
  await expect(top).toContainText(/train|火车/)
  await top.click()
  await expect(app.getByTestId('space-neighbour')).toHaveCount(10)
  await expect(app.getByTestId('space-panel-document')).toContainText('Pasted text')
})
