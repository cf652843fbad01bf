/**
 * The walkthrough's steps, in order, for each kind of model. A step is one scene; its `anchor`
 * is the id other sections deep-link to (AppSlice.sectionTarget), its `text` the i18n key of its
 * title and two-sentence explanation (walkthrough.steps.<text>.title / .body).
 */
import type { TeachingKind, WalkthroughTrace } from '@shared/contract/walkthrough'

export type SceneKind = 'tokenize' | 'embedding' | 'positional' | 'attention' | 'feed-forward' | 'stack' | 'decoder-start' | 'softmax' | 'loop' | 'sampling' | 'compare'
export type AttentionPart = 'qkv' | 'scores' | 'weights' | 'output'
export type StepGroup = 'input' | 'encoder' | 'decoder' | 'output' | 'compare'

/** Ids other sections may deep-link to (lessons' `walkthrough:<id>` targets). */
export const ANCHORS = [
  'tokenize', 'embedding', 'positional-encoding', 'attention', 'feed-forward', 'stack',
  'masked-attention', 'cross-attention', 'softmax', 'loop', 'decoder-only', 'compare'
] as const
export type Anchor = (typeof ANCHORS)[number]

export interface Step {
  /** Unique within a step list; also the `data-step` marker tests wait on. */
  key: string
  anchor: Anchor | null
  scene: SceneKind
  group: StepGroup
  text: string
  /** Which side's tensors the scene shows. */
  stack: 'encoder' | 'decoder'
  block?: 'self' | 'cross'
  part?: AttentionPart
  /** Loop scenes: the decoder position whose prediction this step shows (0 = after `<s>`). */
  position?: number
}

const PARTS: AttentionPart[] = ['qkv', 'scores', 'weights', 'output']

function attentionSteps(prefix: 'enc' | 'gpt', stack: 'encoder' | 'decoder', group: StepGroup): Step[] {
  return PARTS.map((part) => ({
    key: `${prefix}-${part}`,
    anchor: part === 'qkv' ? 'attention' : part === 'weights' && prefix === 'gpt' ? 'masked-attention' : null,
    scene: 'attention' as const,
    group,
    text: `${prefix}-${part}`,
    stack,
    block: 'self' as const,
    part
  }))
}

/**
 * Steps of one walkthrough. The loop gets one step per decoder position of the trace
 * (none until a live trace exists).
 */
export function buildSteps(kind: TeachingKind, trace: WalkthroughTrace | null): Step[] {
  const input: Step[] = [
    { key: 'tokenize', anchor: 'tokenize', scene: 'tokenize', group: 'input', text: 'tokenize', stack: kind === 'encoder-decoder' ? 'encoder' : 'decoder' },
    { key: 'embedding', anchor: 'embedding', scene: 'embedding', group: 'input', text: 'embedding', stack: kind === 'encoder-decoder' ? 'encoder' : 'decoder' },
    {
      key: 'positional', anchor: 'positional-encoding', scene: 'positional', group: 'input',
      text: kind === 'encoder-decoder' ? 'positional' : 'positional-learned', stack: kind === 'encoder-decoder' ? 'encoder' : 'decoder'
    }
  ]
  const compare: Step = { key: 'compare', anchor: 'compare', scene: 'compare', group: 'compare', text: 'compare', stack: 'decoder' }
  if (kind === 'decoder-only') {
    return [
      ...input,
      ...attentionSteps('gpt', 'decoder', 'decoder'),
      { key: 'gpt-ffn', anchor: 'feed-forward', scene: 'feed-forward', group: 'decoder', text: 'gpt-ffn', stack: 'decoder' },
      { key: 'gpt-stack', anchor: 'stack', scene: 'stack', group: 'decoder', text: 'gpt-stack', stack: 'decoder' },
      { key: 'sampling', anchor: 'softmax', scene: 'sampling', group: 'output', text: 'sampling', stack: 'decoder' },
      compare
    ]
  }
  const positions = trace?.kind === 'encoder-decoder' ? trace.decoder.ids.length : 0
  const loop: Step[] = Array.from({ length: positions }, (_, position) => ({
    key: `loop-${position}`,
    anchor: position === 0 ? ('loop' as const) : null,
    scene: 'loop' as const,
    group: 'output' as const,
    text: position === positions - 1 ? 'loop-end' : 'loop',
    stack: 'decoder' as const,
    position
  }))
  return [
    ...input,
    ...attentionSteps('enc', 'encoder', 'encoder'),
    { key: 'enc-ffn', anchor: 'feed-forward', scene: 'feed-forward', group: 'encoder', text: 'enc-ffn', stack: 'encoder' },
    { key: 'enc-stack', anchor: 'stack', scene: 'stack', group: 'encoder', text: 'enc-stack', stack: 'encoder' },
    { key: 'dec-start', anchor: null, scene: 'decoder-start', group: 'decoder', text: 'dec-start', stack: 'decoder' },
    { key: 'dec-masked', anchor: 'masked-attention', scene: 'attention', group: 'decoder', text: 'dec-masked', stack: 'decoder', block: 'self', part: 'weights' },
    { key: 'dec-cross', anchor: 'cross-attention', scene: 'attention', group: 'decoder', text: 'dec-cross', stack: 'decoder', block: 'cross', part: 'weights' },
    { key: 'dec-ffn', anchor: null, scene: 'feed-forward', group: 'decoder', text: 'dec-ffn', stack: 'decoder' },
    { key: 'softmax', anchor: 'softmax', scene: 'softmax', group: 'output', text: 'softmax', stack: 'decoder' },
    ...loop,
    compare
  ]
}

/** The mode a deep link needs (`decoder-only` and `cross-attention` imply one), or null for either. */
export function modeForAnchor(anchor: string): TeachingKind | null {
  if (anchor === 'decoder-only') return 'decoder-only'
  if (anchor === 'cross-attention' || anchor === 'loop') return 'encoder-decoder'
  return null
}

/** Index of the step a deep link opens (the first step of its anchor; 0 if none matches). */
export function stepForAnchor(steps: Step[], anchor: string): number {
  if (anchor === 'decoder-only') return 0
  const i = steps.findIndex((s) => s.anchor === anchor)
  return i < 0 ? 0 : i
}
