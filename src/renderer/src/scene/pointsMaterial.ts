/**
 * The one material of the point cloud: round points coloured per vertex, animated between two
 * layouts on the GPU (`aFrom` → `position` by `uMix`), with a per-point flag:
 * 0 normal, 1 dimmed (outside a search's hits), 2 highlighted (a hit), 3 selected.
 */
import { Color, NormalBlending, ShaderMaterial } from 'three'

export const FLAG = { normal: 0, dimmed: 1, hit: 2, selected: 3 } as const

const vertex = /* glsl */ `
attribute vec3 aFrom;
attribute vec3 color;
attribute float aFlag;
uniform float uMix;
uniform float uSize;
uniform float uScale;
varying vec3 vColor;
varying float vFlag;
void main() {
  vec3 p = mix(aFrom, position, uMix);
  vec4 mv = modelViewMatrix * vec4(p, 1.0);
  gl_Position = projectionMatrix * mv;
  float boost = aFlag > 2.5 ? 2.6 : aFlag > 1.5 ? 1.9 : aFlag > 0.5 ? 0.9 : 1.0;
  gl_PointSize = clamp(uSize * boost * uScale / -mv.z, 1.5, 40.0);
  vColor = color;
  vFlag = aFlag;
}`

const fragment = /* glsl */ `
uniform vec3 uBackground;
varying vec3 vColor;
varying float vFlag;
void main() {
  vec2 d = gl_PointCoord - vec2(0.5);
  float r = dot(d, d);
#ifdef ROUND
  if (r > 0.25) discard;
#endif
  vec3 c = vFlag > 0.5 && vFlag < 1.5 ? mix(vColor, uBackground, 0.6) : vColor;
  // Selected and highlighted points get a light rim so they read on any colour.
  if (vFlag > 1.5 && r > 0.16) c = vFlag > 2.5 ? vec3(1.0) : mix(c, vec3(1.0), 0.6);
  gl_FragColor = vec4(c, 1.0);
}`

/**
 * Round points need `discard`, which costs a lot under software WebGL; tiny points (a few px)
 * look the same square, so large clouds draw without it (see PointCloud.setLayout).
 */
export function setRoundPoints(material: ShaderMaterial, round: boolean): void {
  if (Boolean(material.defines.ROUND) === round) return
  if (round) material.defines.ROUND = 1
  else delete material.defines.ROUND
  material.needsUpdate = true
}

/** A new material; `uScale` should be the canvas height in CSS px × 0.5 (keeps size per distance). */
export function createPointsMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader: vertex,
    fragmentShader: fragment,
    uniforms: {
      uMix: { value: 1 },
      uSize: { value: 0.02 },
      uScale: { value: 400 },
      uBackground: { value: new Color('#f7f7f9') }
    },
    defines: { ROUND: 1 },
    blending: NormalBlending,
    depthTest: true,
    transparent: false
  })
}

