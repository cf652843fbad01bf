import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { WalkthroughTrace } from '@shared/contract/walkthrough'
import { AttentionScene } from './scenes/AttentionScene'
import { DecoderStartScene, FeedForwardScene, StackScene } from './scenes/BlockScenes'
import { CompareScene } from './scenes/CompareScene'
import { EmbeddingScene, PositionalScene, TokenizeScene, type TokenView } from './scenes/InputScenes'
import { LoopScene, SoftmaxScene } from './scenes/OutputScenes'
import { SamplingScene } from './scenes/SamplingScene'
import type { Anchor, SceneKind, Step } from './steps'

interface Props {
  step: Step
  index: number
  trace: WalkthroughTrace | null
  /** The precomputed example shown before the model host has answered. */
  example: TokenView
  onJump(anchor: Anchor): void
  onContinue(ids: number[]): void
}

type Render = (p: Props, trace: WalkthroughTrace) => ReactNode

/** The view of each scene kind; attention-like scenes share the {step, trace} props. */
const SCENES: Record<SceneKind, Render> = {
  tokenize: (_, tr) => <TokenizeScene tokens={{ text: tr.text, ...stackTokens(tr), unknown: stackTokens(tr).ids.map(() => false) }} />,
  embedding: (p, tr) => <EmbeddingScene step={p.step} trace={tr} />,
  positional: (p, tr) => <PositionalScene step={p.step} trace={tr} />,
  attention: (p, tr) => <AttentionScene step={p.step} trace={tr} />,
  'feed-forward': (p, tr) => <FeedForwardScene step={p.step} trace={tr} />,
  stack: (p, tr) => <StackScene step={p.step} trace={tr} />,
  'decoder-start': (p, tr) => <DecoderStartScene step={p.step} trace={tr} />,
  softmax: (p, tr) => <SoftmaxScene step={p.step} trace={tr} />,
  loop: (p, tr) => <LoopScene step={p.step} trace={tr} />,
  sampling: (p, tr) => <SamplingScene step={p.step} trace={tr} onContinue={p.onContinue} />,
  compare: (p) => <CompareScene onJump={p.onJump} />
}

const stackTokens = (trace: WalkthroughTrace): { ids: number[]; pieces: string[] } => {
  const s = trace.encoder ?? trace.decoder
  return { ids: s.ids, pieces: s.pieces }
}

/** One step: title, two-sentence explanation, and its live tensors (or the example for the first step). */
export function Scene(p: Props): ReactNode {
  const { t } = useTranslation()
  const live = p.trace !== null
  const n = (p.step.position ?? 0) + 1
  return (
    <article className="wt-scene card" data-testid="wt-scene" data-step={p.step.key} data-index={p.index} data-live={live} aria-live="polite">
      <h2 data-testid="wt-title">{t(`walkthrough.steps.${p.step.text}.title`, { n })}</h2>
      <p className="wt-explain">{t(`walkthrough.steps.${p.step.text}.body`, { n })}</p>
      {!live && (
        <p className="wt-badge" data-testid="wt-example-badge">
          {t('walkthrough.example')}
        </p>
      )}
      {p.trace ? SCENES[p.step.scene](p, p.trace) : p.step.scene === 'tokenize' ? <TokenizeScene tokens={p.example} /> : p.step.scene === 'compare' ? <CompareScene onJump={p.onJump} /> : <p className="muted">{t('walkthrough.waiting')}</p>}
    </article>
  )
}
