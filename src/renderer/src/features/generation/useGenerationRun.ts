/** Starts a streamed generation, collects its 'generation:token' and 'generation:tool' events, stops it on request. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GenToolName, ToolCall } from '@shared/contract/generation'
import type { GeneratedStep, StopReason } from '@shared/host-ops/generation'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import type { SamplingControls } from './slice'

export interface RunState {
  requestId: string
  modelId: string
  steps: GeneratedStep[]
  /** Tool outputs placed between the model's tokens (ReAct runs), in order. */
  toolCalls: ToolCall[]
  status: 'running' | 'done' | 'error'
  stopReason: StopReason | null
  error: string | null
  /** Generation time, ms (from the host), when done. */
  tookMs: number | null
}

export interface GenerationRun {
  run: RunState | null
  /** `tool`: let the model call this tool (ReAct); the core runs it and appends its output. */
  start(modelId: string, prompt: string, controls: SamplingControls, tool?: GenToolName): void
  stop(): void
}

/** One streamed run at a time: starting another replaces the one shown. */
export function useGenerationRun(): GenerationRun {
  const { t } = useTranslation()
  const [run, setRun] = useState<RunState | null>(null)
  const current = useRef<string | null>(null)
  useEffect(() => {
    const offTokens = api().on('generation:token', (p) => {
      if (p.requestId !== current.current) return
      setRun((r) => (r && r.requestId === p.requestId && r.steps.length === p.steps[0]?.step ? { ...r, steps: [...r.steps, ...p.steps] } : r))
    })
    const offTool = api().on('generation:tool', (p) => {
      if (p.requestId !== current.current) return
      setRun((r) => (r && r.requestId === p.requestId ? { ...r, toolCalls: [...r.toolCalls, p.call] } : r))
    })
    return () => {
      offTokens()
      offTool()
    }
  }, [])
  // Leaving the view stops a running generation.
  useEffect(() => () => void (current.current && api().generation.stop({ requestId: current.current }).catch(() => undefined)), [])
  const start = useCallback(
    (modelId: string, prompt: string, c: SamplingControls, tool?: GenToolName) => {
      const requestId = crypto.randomUUID()
      current.current = requestId
      setRun({ requestId, modelId, steps: [], toolCalls: [], status: 'running', stopReason: null, error: null, tookMs: null })
      api()
        .generation.generate({ requestId, modelId, prompt, temperature: c.temperature, topK: c.topK, topP: c.topP, seed: c.seed, greedy: c.greedy, maxNewTokens: c.maxNewTokens, tool })
        .then(
          (res) => setRun((r) => (r?.requestId === requestId ? { ...r, steps: res.steps, toolCalls: res.toolCalls, status: 'done', stopReason: res.stopReason, tookMs: res.tookMs } : r)),
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
