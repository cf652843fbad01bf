/**
 * Geometry of the relationship (Euler) diagram, in viewBox units (1000 × 660). Drawn by hand for
 * teaching: AI ⊃ machine learning ⊃ three learning paradigms side by side; deep learning is an
 * ellipse across all three (it is not a fourth paradigm); generative AI inside deep learning;
 * diffusion models and LLMs inside generative AI, with the LLM ellipse poking out of generative AI
 * (its encoder-only, non-generative corner). Which set contains which comes from graph.json; the
 * end-to-end test (tests/e2e/concept-map.spec.ts) checks in Chromium that this drawing agrees with it.
 */
export const VIEWBOX = { width: 1000, height: 660 }

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r: number }
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }

export interface EulerSet {
  id: string
  shape: Shape
  /** Where the label's baseline starts (anchor: start = left-aligned, middle = centred). */
  label: { x: number; y: number; anchor: 'start' | 'middle' }
}

/** Sets in drawing order (outer first, so inner sets sit on top and receive the pointer). */
export const EULER_SETS: EulerSet[] = [
  { id: 'ai', shape: { kind: 'rect', x: 8, y: 8, w: 984, h: 644, r: 44 }, label: { x: 44, y: 52, anchor: 'start' } },
  { id: 'machine-learning', shape: { kind: 'rect', x: 44, y: 72, w: 912, h: 560, r: 38 }, label: { x: 78, y: 112, anchor: 'start' } },
  { id: 'supervised-learning', shape: { kind: 'rect', x: 72, y: 130, w: 276, h: 480, r: 26 }, label: { x: 210, y: 168, anchor: 'middle' } },
  { id: 'unsupervised-learning', shape: { kind: 'rect', x: 362, y: 130, w: 276, h: 480, r: 26 }, label: { x: 500, y: 168, anchor: 'middle' } },
  { id: 'reinforcement-learning', shape: { kind: 'rect', x: 652, y: 130, w: 276, h: 480, r: 26 }, label: { x: 790, y: 168, anchor: 'middle' } },
  { id: 'deep-learning', shape: { kind: 'ellipse', cx: 500, cy: 420, rx: 400, ry: 176 }, label: { x: 500, y: 282, anchor: 'middle' } },
  { id: 'generative-ai', shape: { kind: 'ellipse', cx: 470, cy: 448, rx: 280, ry: 120 }, label: { x: 470, y: 366, anchor: 'middle' } },
  { id: 'diffusion-model', shape: { kind: 'ellipse', cx: 335, cy: 470, rx: 108, ry: 60 }, label: { x: 335, y: 477, anchor: 'middle' } },
  { id: 'llm', shape: { kind: 'ellipse', cx: 680, cy: 462, rx: 190, ry: 90 }, label: { x: 650, y: 438, anchor: 'middle' } }
]

/**
 * Where the label of the encoder-only corner (LLM outside generative AI) goes: inside the corner,
 * below the LLM label (which sits in the upper part of the LLM ellipse so the two never overlap).
 */
export const CORNER_LABEL = { x: 808, y: 470 }

/** SVG path data for a shape (used for both drawing and masking). */
export function shapePath(s: Shape): string {
  if (s.kind === 'ellipse') {
    const { cx, cy, rx, ry } = s
    return `M${cx - rx},${cy}a${rx},${ry} 0 1,0 ${2 * rx},0a${rx},${ry} 0 1,0 ${-2 * rx},0Z`
  }
  const { x, y, w, h, r } = s
  return `M${x + r},${y}h${w - 2 * r}a${r},${r} 0 0 1 ${r},${r}v${h - 2 * r}a${r},${r} 0 0 1 ${-r},${r}h${-(w - 2 * r)}a${r},${r} 0 0 1 ${-r},${-r}v${-(h - 2 * r)}a${r},${r} 0 0 1 ${r},${-r}Z`
}

/** Ids in keyboard order (arrow keys walk this list). */
export const EULER_ORDER = EULER_SETS.map((s) => s.id)
