/**
 * The walkthrough's slice of the bound store: which model and sentence, the live trace from the
 * model host, the current step, the player, and the layer/head the attention views show.
 * Tensors live here exactly as the model host sent them (typed arrays); views only read them.
 */
import type { StateCreator } from 'zustand'
import type { TeachingKind, TeachingModelInfo, TokenCheck, WalkthroughTrace } from '@shared/contract/walkthrough'
import type { StoreState } from '../../stores'

export type RunStatus = 'idle' | 'checking' | 'running' | 'ready' | 'error'

export interface WalkthroughSlice {
  wtModels: TeachingModelInfo[] | null
  /** Which walkthrough: the translator (encoder–decoder) or the toy GPT (decoder-only). */
  wtMode: TeachingKind
  /** Text per mode, so switching modes keeps what the student typed. */
  wtText: Record<TeachingKind, string>
  wtCheck: TokenCheck | null
  wtTrace: WalkthroughTrace | null
  wtStatus: RunStatus
  /** Translated error message of the last failed run, or null. */
  wtError: string | null
  /** Index into the current step list. */
  wtStep: number
  wtPlaying: boolean
  /** Playback speed multiplier (1 = one step per 4 s). */
  wtSpeed: number
  wtLayer: number
  /** An attention head, or 'mean' for the average over heads. */
  wtHead: number | 'mean'
  /** The query position highlighted in attention views (null = last). */
  wtQuery: number | null
  wtTemperature: number
  setWt(patch: Partial<Omit<WalkthroughSlice, 'setWt' | 'setWtText'>>): void
  setWtText(mode: TeachingKind, text: string): void
}

/** The sentences a first run shows (both are in the models' training distributions). */
export const DEFAULT_TEXT: Record<TeachingKind, string> = {
  'encoder-decoder': 'She is in a restaurant',
  'decoder-only': 'Klaloux lives in'
}

export const createWalkthroughSlice: StateCreator<StoreState, [], [], WalkthroughSlice> = (set) => ({
  wtModels: null,
  wtMode: 'encoder-decoder',
  wtText: { ...DEFAULT_TEXT },
  wtCheck: null,
  wtTrace: null,
  wtStatus: 'idle',
  wtError: null,
  wtStep: 0,
  wtPlaying: false,
  wtSpeed: 1,
  wtLayer: 0,
  wtHead: 'mean',
  wtQuery: null,
  wtTemperature: 1,
  setWt: (patch) => set(patch),
  setWtText: (mode, text) => set((s) => ({ wtText: { ...s.wtText, [mode]: text } }))
})
