/**
 * The 3D view of an embedding space: one THREE.Points for every chunk, orbit / pan / zoom, hover
 * and click picking, animated layout changes. React renders this once; everything after that
 * (layouts, colours, highlights, camera) goes through the {@link PointCloud} handle and
 * `invalidate()`: frameloop="demand" draws a frame only when something changed.
 */
import { OrbitControls } from '@react-three/drei'
import { Canvas, useFrame, useThree } from '@react-three/fiber'
import { type ReactNode, useEffect, useRef } from 'react'
import { MOUSE, type PerspectiveCamera, Raycaster, Vector2, Vector3 } from 'three'
import { fitCamera } from './camera'
import type { PointCloud } from './PointCloud'
import { QueryMarker } from './QueryMarker'
import './scene.css'

export interface EmbeddingSceneProps {
  cloud: PointCloud
  /** 2: rotation locked, looking down z. */
  dims: 2 | 3
  /** Query position in the layout, or null. */
  query: number[] | null
  /** Called on pointer move with the point under the pointer (or null) and client coordinates. */
  onHover(index: number | null, clientX: number, clientY: number): void
  onSelect(index: number | null): void
}

/** What this file needs of drei's OrbitControls (set as the default controls). */
interface Controls {
  target: Vector3
  update(): void
}

/** Connects the cloud handle to this canvas: fit, capture, projection to screen, transitions. */
function Bridge({ cloud, dims }: { cloud: PointCloud; dims: 2 | 3 }): null {
  const { gl, scene, camera, invalidate, controls, size } = useThree()
  useEffect(() => {
    cloud.attach({
      invalidate: () => invalidate(),
      fit: () => {
        const c = controls as unknown as Controls | null
        fitCamera(camera as PerspectiveCamera, c?.target ?? new Vector3(), cloud.geometry.boundingSphere?.radius ?? 1, cloud.dims)
        c?.update()
        invalidate()
      },
      capture: () => {
        gl.render(scene, camera)
        return gl.domElement.toDataURL('image/png')
      },
      screenPosition: (i) => {
        if (i < 0 || i >= cloud.n) return null
        const p = cloud.position(i).project(camera)
        if (Math.abs(p.x) > 1 || Math.abs(p.y) > 1) return null
        return { x: ((p.x + 1) / 2) * size.width, y: ((1 - p.y) / 2) * size.height }
      },
      pointScale: size.height / 2
    })
  }, [cloud, gl, scene, camera, invalidate, controls, size])
  useEffect(() => {
    cloud.fit()
  }, [cloud, dims, controls])
  useFrame((state) => {
    state.gl.setClearColor(cloud.background)
    if (cloud.tick(state.clock.elapsedTime * 1000)) state.invalidate()
  })
  return null
}

/** Picking: the nearest point to the pointer ray within a few pixels, throttled to one per frame. */
function usePicking(cloud: PointCloud, props: EmbeddingSceneProps): { onMove(e: React.PointerEvent): void; onClick(e: React.MouseEvent): void; setCamera(c: PerspectiveCamera): void } {
  const camera = useRef<PerspectiveCamera | null>(null)
  const ray = useRef(new Raycaster())
  const pending = useRef(0)
  const propsRef = useRef(props)
  useEffect(() => {
    propsRef.current = props
  })
  const pick = (el: HTMLElement, x: number, y: number): number | null => {
    const cam = camera.current
    if (!cam || cloud.n === 0) return null
    const r = el.getBoundingClientRect()
    const ndc = new Vector2(((x - r.left) / r.width) * 2 - 1, -((y - r.top) / r.height) * 2 + 1)
    ray.current.setFromCamera(ndc, cam)
    // Threshold: about 6 px at the target's distance.
    const dist = cam.position.length()
    ray.current.params.Points = { threshold: (6 / r.height) * 2 * dist * Math.tan((cam.fov * Math.PI) / 360) }
    const hits = ray.current.intersectObject(cloud.points)
    if (hits.length === 0) return null
    hits.sort((a, b) => (a.distanceToRay ?? 0) - (b.distanceToRay ?? 0))
    return hits[0]!.index ?? null
  }
  return {
    setCamera: (c) => {
      camera.current = c
    },
    onMove: (e) => {
      const { clientX, clientY, currentTarget } = e
      if (pending.current) return
      pending.current = requestAnimationFrame(() => {
        pending.current = 0
        propsRef.current.onHover(pick(currentTarget as HTMLElement, clientX, clientY), clientX, clientY)
      })
    },
    onClick: (e) => propsRef.current.onSelect(pick(e.currentTarget as HTMLElement, e.clientX, e.clientY))
  }
}

function CameraRef({ onCamera }: { onCamera(c: PerspectiveCamera): void }): null {
  const camera = useThree((s) => s.camera)
  useEffect(() => {
    onCamera(camera as PerspectiveCamera)
  }, [camera, onCamera])
  return null
}

/** 3D: left-drag orbits, right-drag pans. 2D: either drag pans. */
const ORBIT_3D = { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }
const PAN_2D = { LEFT: MOUSE.PAN, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }

export function EmbeddingScene(props: EmbeddingSceneProps): ReactNode {
  const { cloud, dims, query } = props
  const picking = usePicking(cloud, props)
  const clickStart = useRef<{ x: number; y: number } | null>(null)
  return (
    <div
      className="embedding-scene"
      data-testid="embedding-scene"
      onPointerMove={picking.onMove}
      onPointerLeave={() => props.onHover(null, 0, 0)}
      onPointerDown={(e) => (clickStart.current = { x: e.clientX, y: e.clientY })}
      onClick={(e) => {
        // A drag (orbit) is not a click.
        const s = clickStart.current
        if (s && Math.hypot(e.clientX - s.x, e.clientY - s.y) < 5) picking.onClick(e)
      }}
    >
      {/* An opaque canvas (alpha: false) is much cheaper to composite under software WebGL. */}
      <Canvas frameloop="demand" dpr={1} camera={{ fov: 45, position: [0, 0, 3] }} gl={{ antialias: false, alpha: false }}>
        <primitive object={cloud.points} />
        <QueryMarker position={query} />
        <OrbitControls makeDefault enableRotate={dims === 3} enableDamping={false} screenSpacePanning mouseButtons={dims === 3 ? ORBIT_3D : PAN_2D} />
        <Bridge cloud={cloud} dims={dims} />
        <CameraRef onCamera={picking.setCamera} />
      </Canvas>
    </div>
  )
}
