/**
 * Embedding-space benchmarks, each a ratio or a time measured in one run:
 * - PCA and UMAP of 10,000 × 384 synthetic unit vectors on the projection worker thread (s);
 * - frames per second drawing 100,000 points with the app's EmbeddingScene vs a bare three.js
 *   Points scene, the same points in the same headless Chromium (SwiftShader WebGL), while the
 *   cloud rotates every frame. Headless requestAnimationFrame caps at 60 fps.
 */
import { createReadStream, existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { loadavg } from 'node:os'
import { extname, join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { ProjectionRunner } from '../src/core/projection/runner'
import { seededRandom } from '../src/core/projection/types'

const ROOT = resolve(import.meta.dirname, '..')
/** Chromium off the network, WebGL through SwiftShader (as in playwright.config.ts). */
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader']

/** The page's hooks (src/renderer/src/scene/bench.tsx). */
interface BenchWindow {
  benchReady?: boolean
  benchSpin(ms: number): Promise<number>
}

/** n unit vectors in `dim` dimensions around 20 random centres (seeded). */
export function syntheticVectors(n: number, dim: number): Float32Array {
  const rand = seededRandom(5)
  const g = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
  const centres = Array.from({ length: 20 }, () => Float32Array.from({ length: dim }, g))
  const out = new Float32Array(n * dim)
  for (let i = 0; i < n; i++) {
    const c = centres[i % 20]!
    let s = 0
    for (let j = 0; j < dim; j++) s += (out[i * dim + j] = c[j]! / Math.sqrt(dim) + 0.04 * g()) ** 2
    for (let j = 0; j < dim; j++) out[i * dim + j]! /= Math.sqrt(s)
  }
  return out
}

/**
 * Wall-clock seconds of the layout in the worker, of the distortion check after it, and of the
 * whole round trip; CPU seconds of this process meanwhile (the main thread idles, so that is the
 * worker's) and the 1-minute load average, because the build machines are shared.
 */
async function layoutSeconds(method: 'pca' | 'umap', vectors: Float32Array, dim: number): Promise<{ layout: number; check: number; total: number; cpu: number; load: number }> {
  const runner = new ProjectionRunner()
  try {
    const t = performance.now()
    const c = process.cpuUsage()
    const r = await runner.run('layout', { key: method, method, dims: 3, vectors, dim })
    const used = process.cpuUsage(c)
    return { layout: r.seconds, check: r.checkSeconds, total: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6, load: loadavg()[0]! }
  } finally {
    await runner.dispose()
  }
}

/** Serves a built folder on 127.0.0.1 (module scripts do not load from file://). */
function serve(dir: string): Promise<{ url: string; close(): void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url ?? '/', 'http://x').pathname)
    if (!path.startsWith(dir) || !existsSync(path)) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
    createReadStream(path).pipe(res)
  })
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })))
}

/** Median of a non-empty list. */
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/**
 * Frames per second of each mode, and their ratio: the modes alternate over `rounds` rounds (the
 * machine is shared, so load drifts); the result is the median of each round's scene/bare ratio.
 */
async function fps(n: number, seconds: number, rounds = 4): Promise<{ scene: number; bare: number; ratio: number }> {
  const outDir = '/tmp/llmx-bench-space-web'
  await build({
    root: join(ROOT, 'src/renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(ROOT, 'src/renderer/src/scene/bench.html') } }
  })
  const server = await serve(outDir)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS })
  try {
    const runs = { scene: [] as number[], bare: [] as number[] }
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 ? (['scene', 'bare'] as const) : (['bare', 'scene'] as const)) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
        await page.goto(`${server.url}/src/scene/bench.html?mode=${mode}&n=${n}`)
        await page.waitForFunction(() => (globalThis as unknown as BenchWindow).benchReady === true, undefined, { timeout: 120_000 })
        await page.evaluate(() => (globalThis as unknown as BenchWindow).benchSpin(1000))
        runs[mode].push(await page.evaluate((ms) => (globalThis as unknown as BenchWindow).benchSpin(ms), seconds * 1000))
        await page.close()
      }
    }
    if (process.env.SPACE_BENCH_VERBOSE) console.error(runs)
    return { scene: median(runs.scene), bare: median(runs.bare), ratio: median(runs.scene.map((s, i) => s / runs.bare[i]!)) }
  } finally {
    await browser.close()
    server.close()
  }
}

export async function spaceBench(): Promise<{ name: string; result: string }[]> {
  const dim = 384
  const vectors = syntheticVectors(10_000, dim)
  const pca = await layoutSeconds('pca', vectors, dim)
  console.error('space bench: PCA', pca)
  const umap = await layoutSeconds('umap', vectors, dim)
  console.error('space bench: UMAP', umap)
  const f = await fps(100_000, 4)
  return [
    { name: 'space: PCA 10,000 × 384 → 3D on the worker: layout · distortion check · round trip (wall s) · CPU s · load', result: `${pca.layout.toFixed(2)} · ${pca.check.toFixed(2)} · ${pca.total.toFixed(2)} · ${pca.cpu.toFixed(2)} · ${pca.load.toFixed(1)}` },
    { name: 'space: UMAP 10,000 × 384 → 3D on the worker: layout · distortion check · round trip (wall s) · CPU s · load', result: `${umap.layout.toFixed(1)} · ${umap.check.toFixed(2)} · ${umap.total.toFixed(1)} · ${umap.cpu.toFixed(1)} · ${umap.load.toFixed(1)}` },
    { name: 'space: 100,000 points, median fps EmbeddingScene · bare three.js Points · median ratio (4 alternating rounds)', result: `${f.scene.toFixed(1)} · ${f.bare.toFixed(1)} · ${f.ratio.toFixed(2)}` }
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // `tsx bench/space.ts fps` measures only the frame rates.
  if (process.argv[2] === 'fps') console.log(await fps(100_000, 4))
  else for (const r of await spaceBench()) console.log(`| ${r.name} | ${r.result} |`)
}
