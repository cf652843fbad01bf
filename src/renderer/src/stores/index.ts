/** The one bound store: every feature's slice combined (zustand slices pattern). */
import { create } from 'zustand'
import { type ConceptMapSlice, createConceptMapSlice } from '../features/concept-map/slice'
import { type GenerationSlice, createGenerationSlice } from '../features/generation/slice'
import { type LibrarySlice, createLibrarySlice } from '../features/library/slice'
import { type TokenizerSlice, createTokenizerSlice } from '../features/tokenizer/slice'
import { type WalkthroughSlice, createWalkthroughSlice } from '../features/walkthrough/slice'
import { type AppSlice, createAppSlice } from './app-slice'

export type StoreState = AppSlice & ConceptMapSlice & LibrarySlice & WalkthroughSlice & TokenizerSlice & GenerationSlice

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createConceptMapSlice(...a),
  ...createLibrarySlice(...a),
  ...createWalkthroughSlice(...a),
  ...createTokenizerSlice(...a),
  ...createGenerationSlice(...a)
}))

/** Initial state, for resetting between tests. */
export const initialStoreState = useStore.getState()
