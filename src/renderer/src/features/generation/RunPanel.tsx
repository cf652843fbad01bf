import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { GenToolName } from '@shared/contract/generation'
import { useStore } from '../../stores'
import { GeneratedText, runText } from './GeneratedText'
import { ProgramOutput } from './ProgramOutput'
import { asksForProgram, programSource } from './program'
import { useGenerationRun } from './useGenerationRun'

/**
 * Streaming generation with stop; Ctrl/⌘+Enter starts it. `autoStartKey` changes trigger a run (presets).
 * With `tool`, runs are ReAct runs: the core answers the model's actions with that tool.
 */
export function RunPanel({ prompt, models, autoStartKey, tool }: { prompt: string; models: string[]; autoStartKey: number; tool?: GenToolName }): ReactNode {
  const { t } = useTranslation()
  const controls = useStore((s) => s.generation.controls)
  const runs = [useGenerationRun(), useGenerationRun()]
  const running = runs.some((r) => r.run?.status === 'running')
  const start = (): void => models.forEach((m, i) => runs[i]!.start(m, prompt, controls, tool))
  useEffect(() => {
    if (autoStartKey > 0) start()
    // only a new preset click starts a run
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoStartKey])
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !running) {
        e.preventDefault()
        start()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })
  return (
    <div className="card" data-testid="gen-run">
      <h2>{models.length > 1 ? t('generation.output.compareTitle') : t('generation.output.title')}</h2>
      <button type="button" data-testid="gen-start" disabled={running || !prompt} onClick={start} title="Ctrl+Enter">
        {t('generation.output.start')}
      </button>
      <button type="button" data-testid="gen-stop" disabled={!running} onClick={() => runs.forEach((r) => r.stop())}>
        {t('generation.output.stop.button')}
      </button>
      <p className="gen-meta">{t('generation.output.underline')}</p>
      <div className={models.length > 1 ? 'gen-side-by-side' : ''}>
        {models.map((m, i) => {
          const run = runs[i]!.run
          return (
            <div key={m}>
              {models.length > 1 && <h3>{m}</h3>}
              {/* keyed by run: a new run starts with no token opened */}
              {run && run.modelId === m && <GeneratedText key={run.requestId} run={run} testId={`gen-output-${i}`} />}
              {run && run.modelId === m && run.status === 'done' && asksForProgram(prompt) && <ProgramOutput source={programSource(runText(run.steps, run.toolCalls))} />}
            </div>
          )
        })}
      </div>
    </div>
  )
}
