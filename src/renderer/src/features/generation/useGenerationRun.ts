/** Starts a streamed generation, collects its 'generation:token' events, stops it on request. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GeneratedStep, StopReason } from '@shared/host-ops/generation'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import type { SamplingControls } from './slice'

export interface RunState {
  requestId: string
  modelId: string
  steps: GeneratedStep[]
  status: 'running' | 'done' | 'error'
  stopReason: StopReason | null
  error: string | null
  /** Generation time, ms (from the host), when done. */
  tookMs: number | null
}

export interface GenerationRun {
  run: RunState | null
  start(modelId: string, prompt: string, controls: SamplingControls): void
  stop(): void
}

export function useGenerationRun(): GenerationRun {
  const { t } = useTranslation()
  const [run, setRun] = useState<RunState | null>(null)
  const current = useRef<string | null>(null)
  useEffect(
    () =>
      api().on('generation:token', (p) => {
        if (p.requestId !== current.current) return
        setRun((r) => (r && r.requestId === p.requestId && r.steps.length === p.steps[0]?.step ? { ...r, steps: [...r.steps, ...p.steps] } : r))
      }),
    []
  )
  // Leaving the view stops a running generation.
  useEffect(() => () => void (current.current && api().generation.stop({ requestId: current.current }).catch(() => undefined)), [])
  const start = useCallback(
    (modelId: string, prompt: string, c: SamplingControls) => {
      const requestId = crypto.randomUUID()
      current.current = requestId
      setRun({ requestId, modelId, steps: [], status: 'running', stopReason: null, error: null, tookMs: null })
      api()
        .generation.generate({ requestId, modelId, prompt, temperature: c.temperature, topK: c.topK, topP: c.topP, seed: c.seed, greedy: c.greedy, maxNewTokens: c.maxNewTokens })
        .then(
          (res) => setRun((r) => (r?.requestId === requestId ? { ...r, steps: res.steps, status: 'done', stopReason: res.stopReason, tookMs: res.tookMs } : r)),
          (e: unknown) => setRun((r) => (r?.requestId === requestId ? { ...r, status: 'error', error: describeError(e, t) } : r))
        )
        .finally(() => {
          if (current.current === requestId) current.current = null
        })
    },
    [t]
  )
  const stop = useCallback(() => {
    if (current.current) void api().generation.stop({ requestId: current.current })
  }, [])
  return { run, start, stop }
}
