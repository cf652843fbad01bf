/** The concept-map feature's slice of the bound store (stores/index.ts). Add state and actions here. */
import type { StateCreator } from 'zustand'
import type { StoreState } from '../../stores'

export type ConceptMapSlice = Record<never, never>

export const createConceptMapSlice: StateCreator<StoreState, [], [], ConceptMapSlice> = () => ({})
