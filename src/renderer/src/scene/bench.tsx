/**
 * Benchmark page (built by bench/space.ts, never part of the app): `?mode=scene` draws n points
 * with the app's EmbeddingScene, `?mode=bare` the same points with a bare three.js Points +
 * PointsMaterial. `window.benchSpin(ms)` rotates the cloud every animation frame for `ms` and
 * resolves to the frames drawn per second.
 */
import { createRoot } from 'react-dom/client'
import { BufferAttribute, BufferGeometry, PerspectiveCamera, Points, PointsMaterial, Scene, WebGLRenderer } from 'three'
import { EmbeddingScene } from './EmbeddingScene'
import { PointCloud } from './PointCloud'

declare global {
  interface Window {
    benchSpin(ms: number): Promise<number>
    benchReady: boolean
  }
}

const params = new URLSearchParams(location.search)
const n = Number(params.get('n') ?? 100_000)
const root = document.getElementById('root')!

/** Seeded blobs in the unit box and a colour per blob (the same for both modes). */
function data(): { coords: Float32Array; rgb: Float32Array } {
  let a = 12345
  const rand = (): number => ((a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 4294967296)
  const coords = new Float32Array(n * 3)
  const rgb = new Float32Array(n * 3)
  for (let i = 0; i < n; i++) {
    const b = i % 8
    for (let c = 0; c < 3; c++) {
      coords[i * 3 + c] = Math.sin(b * 1.7 + c * 2.1) * 0.6 + (rand() + rand() + rand() - 1.5) * 0.15
      rgb[i * 3 + c] = 0.3 + 0.6 * Math.abs(Math.sin(b + c))
    }
  }
  return { coords, rgb }
}

function spinLoop(step: () => void, frames: () => number): (ms: number) => Promise<number> {
  return (ms) =>
    new Promise((resolve) => {
      const f0 = frames()
      const t0 = performance.now()
      const loop = (): void => {
        step()
        if (performance.now() - t0 < ms) requestAnimationFrame(loop)
        else resolve(((frames() - f0) * 1000) / (performance.now() - t0))
      }
      requestAnimationFrame(loop)
    })
}

const { coords, rgb } = data()
if (params.get('mode') === 'bare') {
  const renderer = new WebGLRenderer({ antialias: false })
  renderer.setPixelRatio(1)
  renderer.setSize(root.clientWidth, root.clientHeight)
  root.appendChild(renderer.domElement)
  const camera = new PerspectiveCamera(45, root.clientWidth / root.clientHeight, 0.03, 30)
  camera.position.set(0, 0, 4.7)
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(coords, 3))
  geometry.setAttribute('color', new BufferAttribute(rgb, 3))
  const points = new Points(geometry, new PointsMaterial({ size: 1.5, sizeAttenuation: false, vertexColors: true }))
  const scene = new Scene()
  scene.add(points)
  let frames = 0
  window.benchSpin = spinLoop(() => {
    points.rotation.y += 0.01
    renderer.render(scene, camera)
    frames++
  }, () => frames)
  renderer.render(scene, camera)
  window.benchReady = true
} else {
  const cloud = new PointCloud()
  createRoot(root).render(<EmbeddingScene cloud={cloud} dims={3} query={null} onHover={() => undefined} onSelect={() => undefined} />)
  const start = (): void => {
    cloud.setLayout(coords, 3, false)
    cloud.setColors(rgb)
    window.benchSpin = spinLoop(() => {
      cloud.points.rotation.y += 0.01
      cloud.invalidate()
    }, () => cloud.frames)
    window.benchReady = true
  }
  // Start once the canvas has attached itself and drawn its first frame.
  const wait = (): void => void (cloud.frames > 0 ? start() : requestAnimationFrame(wait))
  requestAnimationFrame(wait)
}
