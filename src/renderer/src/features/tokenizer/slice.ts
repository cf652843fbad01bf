/** The tokenizer lab's slice: the text, options and the latest results. */
import type { StateCreator } from 'zustand'
import type { CompareResult } from '@shared/contract/tokenizer'
import type { TokenizeResult } from '@shared/host-ops/tokenizer'
import type { StoreState } from '../../stores'

export interface TokenizerSlice {
  tokenizer: {
    /** null until the user types: the view then shows the localised sample text. */
    text: string | null
    addSpecial: boolean
    showIds: boolean
    results: TokenizeResult[] | null
    /** The text the results belong to (results lag the textarea while the host works). */
    resultsFor: string | null
    busy: boolean
    error: string | null
    compare: CompareResult | null
  }
  setTokenizer(patch: Partial<TokenizerSlice['tokenizer']>): void
}

export const createTokenizerSlice: StateCreator<StoreState, [], [], TokenizerSlice> = (set) => ({
  tokenizer: { text: null, addSpecial: false, showIds: false, results: null, resultsFor: null, busy: false, error: null, compare: null },
  setTokenizer: (patch) => set((s) => ({ tokenizer: { ...s.tokenizer, ...patch } }))
})
