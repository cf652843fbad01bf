/** The query's place in the layout: a ring that always faces the camera (drei Billboard). */
import { Billboard } from '@react-three/drei'
import type { ReactNode } from 'react'

export function QueryMarker({ position }: { position: number[] | null }): ReactNode {
  if (!position) return null
  const [x = 0, y = 0, z = 0] = position
  return (
    <Billboard position={[x, y, z]}>
      <mesh>
        <ringGeometry args={[0.035, 0.05, 32]} />
        <meshBasicMaterial color="#e8590c" depthTest={false} />
      </mesh>
      <mesh>
        <circleGeometry args={[0.012, 16]} />
        <meshBasicMaterial color="#e8590c" depthTest={false} />
      </mesh>
    </Billboard>
  )
}
