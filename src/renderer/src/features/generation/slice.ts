/** The generation lab's slice: model, prompt, sampling controls and the step-mode choices. */
import type { StateCreator } from 'zustand'
import type { TokenLabel } from '@shared/host-ops/generation'
import type { StoreState } from '../../stores'

export interface SamplingControls {
  temperature: number
  topK: number
  topP: number
  seed: number
  greedy: boolean
  maxNewTokens: number
}

export interface GenerationSlice {
  generation: {
    modelId: string
    /** null until edited: the view then shows the first preset's prompt. */
    prompt: string | null
    controls: SamplingControls
    /** Step mode: tokens the student appended after the prompt. */
    picked: TokenLabel[]
  }
  setGeneration(patch: Partial<GenerationSlice['generation']>): void
  setControls(patch: Partial<SamplingControls>): void
}

export const DEFAULT_CONTROLS: SamplingControls = { temperature: 1, topK: 0, topP: 1, seed: 42, greedy: false, maxNewTokens: 40 }

export const createGenerationSlice: StateCreator<StoreState, [], [], GenerationSlice> = (set) => ({
  generation: { modelId: 'toy-chat', prompt: null, controls: { ...DEFAULT_CONTROLS }, picked: [] },
  setGeneration: (patch) => set((s) => ({ generation: { ...s.generation, ...patch } })),
  setControls: (patch) => set((s) => ({ generation: { ...s.generation, controls: { ...s.generation.controls, ...patch } } }))
})
