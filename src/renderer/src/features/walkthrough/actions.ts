/**
 * The walkthrough's calls to the Node side: list teaching models, check a sentence against the
 * model's vocabulary, run the model host. Results land in the store; stale answers are dropped.
 */
import type { TeachingKind, TeachingModelInfo } from '@shared/contract/walkthrough'
import type { TFunction } from 'i18next'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { useStore } from '../../stores'

/** Bumped per request so an older answer never overwrites a newer one (checks and runs apart). */
const latest = { check: 0, run: 0 }

/** The model a mode runs: the translator, or toy-base (else any decoder-only model). */
export function modelFor(models: TeachingModelInfo[] | null, mode: TeachingKind): TeachingModelInfo | null {
  const list = (models ?? []).filter((m) => m.kind === mode)
  return list.find((m) => m.id === 'teaching-translator' || m.id === 'toy-base') ?? list[0] ?? null
}

export async function loadModels(t: TFunction): Promise<void> {
  try {
    useStore.getState().setWt({ wtModels: await api().walkthrough.models() })
  } catch (e) {
    useStore.getState().setWt({ wtModels: [], wtError: describeError(e, t), wtStatus: 'error' })
  }
}

/** Tokenises the current text (no run); unknown words and suggestions go to `wtCheck`. */
export async function checkText(t: TFunction): Promise<boolean> {
  const s = useStore.getState()
  const model = modelFor(s.wtModels, s.wtMode)
  const text = s.wtText[s.wtMode].trim()
  if (!model || !text) return false
  const mine = ++latest.check
  try {
    const check = await api().walkthrough.check({ modelId: model.id, text })
    if (mine === latest.check) s.setWt({ wtCheck: check })
    return check.unknownWords.length === 0 && !check.tooLong
  } catch (e) {
    if (mine === latest.check) s.setWt({ wtError: describeError(e, t), wtStatus: 'error' })
    return false
  }
}

/**
 * Runs the current text through the model host. `ids` continues a decoder-only run from exact
 * token IDs (after sampling). Keeps the step index when the step list keeps its length.
 */
export async function runWalkthrough(t: TFunction, ids?: number[]): Promise<void> {
  const s = useStore.getState()
  const model = modelFor(s.wtModels, s.wtMode)
  const text = s.wtText[s.wtMode].trim()
  if (!model || !text) return
  s.setWt({ wtStatus: 'checking', wtError: null })
  if (!ids && !(await checkText(t))) {
    useStore.getState().setWt({ wtStatus: 'idle' })
    return
  }
  const mine = ++latest.run
  useStore.getState().setWt({ wtStatus: 'running' })
  try {
    const trace = await api().walkthrough.run({ modelId: model.id, text, ids })
    if (mine !== latest.run) return
    useStore.getState().setWt({ wtTrace: trace, wtStatus: 'ready', wtQuery: null })
    // continued from exact IDs (after sampling): the text becomes what those tokens spell
    if (ids) useStore.getState().setWtText(s.wtMode, trace.decoder.pieces.join(''))
  } catch (e) {
    if (mine === latest.run) useStore.getState().setWt({ wtStatus: 'error', wtError: describeError(e, t) })
  }
}
