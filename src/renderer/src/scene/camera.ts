/** Camera helpers: frame a cloud in the unit box, in 2D (looking down z) or 3D. */
import type { PerspectiveCamera, Vector3 } from 'three'

/**
 * Places `camera` so a sphere of `radius` around the origin fills the view, looking at `target`
 * (moved to the origin). 2D looks straight down the z axis; 3D from a three-quarter angle.
 */
export function fitCamera(camera: PerspectiveCamera, target: Vector3, radius: number, dims: 2 | 3): void {
  const halfFov = (camera.fov * Math.PI) / 360
  const fitH = radius / Math.sin(halfFov)
  const fitW = radius / Math.sin(Math.atan(Math.tan(halfFov) * camera.aspect))
  const distance = Math.max(fitH, fitW) * 1.05
  target.set(0, 0, 0)
  const dir = dims === 2 ? [0, 0, 1] : [0.55, 0.35, 0.76]
  const len = Math.hypot(...dir)
  camera.position.set((dir[0]! / len) * distance, (dir[1]! / len) * distance, (dir[2]! / len) * distance)
  camera.up.set(0, 1, 0)
  camera.near = distance / 100
  camera.far = distance * 10
  camera.lookAt(target)
  camera.updateProjectionMatrix()
}
