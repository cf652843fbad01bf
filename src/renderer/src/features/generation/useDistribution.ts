/** Fetches the real next-token logits for prompt + picked tokens; sampling is applied locally. */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DistributionResult } from '@shared/host-ops/generation'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'

export interface DistributionState {
  result: DistributionResult | null
  /** Key of the request `result` answers (model + prompt + picked IDs). */
  key: string | null
  busy: boolean
  error: string | null
}

/** Re-fetches 300 ms after the last change of model, prompt or picked tokens; the latest wins. */
export function useDistribution(modelId: string, prompt: string, appendIds: number[]): DistributionState {
  const { t } = useTranslation()
  const [state, setState] = useState<DistributionState>({ result: null, key: null, busy: false, error: null })
  const key = `${modelId}\u0000${prompt}\u0000${appendIds.join(',')}`
  useEffect(() => {
    if (!modelId) return
    let stale = false
    const timer = setTimeout(() => {
      api()
        .generation.distribution({ modelId, prompt, appendIds })
        .then(
          (result) => !stale && setState({ result, key, busy: false, error: null }),
          (e: unknown) => !stale && setState((s) => ({ ...s, key, busy: false, error: describeError(e, t) }))
        )
    }, 300)
    return () => {
      stale = true
      clearTimeout(timer)
    }
    // appendIds is encoded in key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, t])
  // busy while the answer on screen belongs to an older request
  return { ...state, busy: state.key !== key, error: state.key === key ? state.error : null }
}
