/** The Transformer walkthrough: every step of a real model, on the student's own sentence. */
import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import exampleGpt from '../../../../../resources/walkthrough/example-toy-base.json'
import exampleTranslator from '../../../../../resources/walkthrough/example-teaching-translator.json'
import { useStore } from '../../stores'
import { loadModels, modelFor, runWalkthrough } from './actions'
import { Controls } from './Controls'
import { Outline } from './Outline'
import { Scene } from './Scene'
import { SentenceBar } from './SentenceBar'
import { buildSteps, modeForAnchor, stepForAnchor, type Anchor } from './steps'
import './walkthrough.css'

export function WalkthroughView(): ReactNode {
  const { t } = useTranslation()
  const mode = useStore((s) => s.wtMode)
  const models = useStore((s) => s.wtModels)
  const trace = useStore((s) => s.wtTrace)
  const status = useStore((s) => s.wtStatus)
  const error = useStore((s) => s.wtError)
  const stepIndex = useStore((s) => s.wtStep)
  const target = useStore((s) => s.sectionTarget)
  const setWt = useStore((s) => s.setWt)
  const live = trace && trace.kind === mode ? trace : null
  const steps = useMemo(() => buildSteps(mode, live), [mode, live])
  const index = Math.min(stepIndex, steps.length - 1)
  const step = steps[index]!
  const example = mode === 'encoder-decoder' ? exampleTranslator : exampleGpt

  useEffect(() => {
    if (!models) void loadModels(t)
  }, [models, t])

  // a deep link picks the mode it needs; the step is chosen once that mode's trace is live
  useEffect(() => {
    if (!target) return
    const want = modeForAnchor(target)
    if (want && want !== mode) setWt({ wtMode: want })
  }, [target, mode, setWt])
  useEffect(() => {
    if (!target || !live) return
    setWt({ wtStep: stepForAnchor(steps, target), wtPlaying: false })
    useStore.setState({ sectionTarget: null })
  }, [target, live, steps, setWt])

  // go live as soon as the model list is known, and once more after each switch to a mode without a trace
  const autoRun = useRef<string | null>(null)
  useEffect(() => {
    if (!models || !modelFor(models, mode) || live || autoRun.current === mode) return
    autoRun.current = mode
    void runWalkthrough(t)
  }, [models, mode, live, t])

  const jump = (anchor: Anchor): void => {
    const want = modeForAnchor(anchor) ?? mode
    if (want !== mode) {
      useStore.setState({ sectionTarget: anchor })
      setWt({ wtMode: want })
    } else setWt({ wtStep: stepForAnchor(steps, anchor), wtPlaying: false })
  }
  const cont = (ids: number[]): void => void runWalkthrough(t, ids)
  return (
    <section className="page wt-page" data-testid="section-walkthrough" data-status={status} data-mode={mode}>
      <h1>{t('walkthrough.title')}</h1>
      <SentenceBar />
      {error && (
        <p className="error" role="alert" data-testid="wt-error">
          {error}
        </p>
      )}
      {models && !modelFor(models, mode) && <p className="error">{t('walkthrough.noModel')}</p>}
      <div className="wt-layout">
        <Outline steps={steps} available={(i) => live !== null || steps[i]!.scene === 'tokenize' || steps[i]!.scene === 'compare'} />
        <div className="wt-main">
          <Controls count={steps.length} enabled={live !== null} />
          <Scene step={step} index={index} trace={live} example={example} onJump={jump} onContinue={cont} />
        </div>
      </div>
    </section>
  )
}
