import { Fragment, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ToolCall } from '@shared/contract/generation'
import type { GeneratedStep } from '@shared/host-ops/generation'
import { visible } from './DistributionChart'
import type { RunState } from './useGenerationRun'

/** The run's text in order: the model's tokens, with each tool output before the step it preceded. */
export function runText(steps: GeneratedStep[], toolCalls: ToolCall[]): string {
  let text = ''
  let next = 0
  for (let i = 0; i <= steps.length; i++) {
    while (next < toolCalls.length && toolCalls[next]!.afterStep === i) text += toolCalls[next++]!.appended
    if (i < steps.length) text += steps[i]!.token.text
  }
  return text
}

/** A tool's output inside the text: marked as the tool's, with no probability (the model did not write it). */
function ToolOutput({ call }: { call: ToolCall }): ReactNode {
  const { t } = useTranslation()
  return (
    <span
      className={`gen-tool${call.found ? '' : ' gen-tool-missing'}`}
      data-testid="gen-tool-output"
      data-text={call.appended}
      data-found={call.found}
      title={call.argument === null ? t('generation.output.tool.noAction') : t('generation.output.tool.title', { argument: call.argument })}
    >
      <span className="gen-tool-label">{t(`generation.output.tool.${call.tool}`)}</span>
      {call.output}
    </span>
  )
}

/**
 * The generated tokens, each underlined with an intensity equal to the probability it had when it
 * was chosen: a pale underline marks a token the model was unsure of. Tool outputs (ReAct runs) sit
 * between the tokens in a box of their own.
 */
export function GeneratedText({ run, testId }: { run: RunState; testId: string }): ReactNode {
  const { t } = useTranslation()
  const [open, setOpen] = useState<number | null>(null)
  const n = run.steps.length
  const chosen = open === null ? undefined : run.steps[open]
  const perSecond = run.tookMs && n > 0 ? (1000 * n) / run.tookMs : null
  const text = runText(run.steps, run.toolCalls)
  const toolsBefore = (step: number): ReactNode => run.toolCalls.filter((c) => c.afterStep === step).map((c, i) => <ToolOutput key={`tool-${step}-${i}`} call={c} />)
  return (
    <div className="gen-output" data-testid={testId} data-status={run.status} data-text={run.status === 'running' ? undefined : text}>
      <p className="gen-text" aria-live="polite">
        {run.steps.map((s) => (
          <Fragment key={s.step}>
            {toolsBefore(s.step)}
            <span
              className={`gen-tok${open === s.step ? ' gen-tok-open' : ''}`}
              role="button"
              tabIndex={0}
              onClick={() => setOpen(open === s.step ? null : s.step)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setOpen(open === s.step ? null : s.step)}
              data-prob={s.token.prob.toFixed(4)}
              style={{ textDecorationColor: `color-mix(in srgb, var(--accent) ${Math.round(100 * s.token.prob)}%, transparent)` }}
              title={t('generation.output.tokenTitle', { id: s.token.id, prob: (100 * s.token.prob).toFixed(1) })}
            >
              {s.token.text}
            </span>
          </Fragment>
        ))}
        {toolsBefore(n)}
        {run.status === 'running' && <span className="gen-cursor">▌</span>}
      </p>
      <p className="gen-meta">
        {t('generation.output.tokens', { count: n })}
        {run.toolCalls.length > 0 && ` · ${t('generation.output.toolCalls', { count: run.toolCalls.length })}`}
        {run.stopReason && ` · ${t(`generation.output.stop.${run.stopReason}`)}`}
        {perSecond !== null && ` · ${t('generation.output.speed', { rate: perSecond.toFixed(0) })}`}
      </p>
      {chosen && (
        <div className="gen-alternatives" data-testid="gen-alternatives">
          <p className="gen-meta">{t('generation.output.alternatives', { step: chosen.step + 1 })}</p>
          <ol>
            {chosen.candidates.map((c) => (
              <li key={c.id} className={c.id === chosen.token.id ? 'gen-chosen' : ''}>
                <code>{visible(c.text)}</code> {(100 * c.prob).toFixed(1)}%
              </li>
            ))}
          </ol>
        </div>
      )}
      {run.error && <p className="error" role="alert">{run.error}</p>}
    </div>
  )
}
