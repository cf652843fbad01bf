/** The walkthrough feature's slice of the bound store (stores/index.ts). Add state and actions here. */
import type { StateCreator } from 'zustand'
import type { StoreState } from '../../stores'

export type WalkthroughSlice = Record<never, never>

export const createWalkthroughSlice: StateCreator<StoreState, [], [], WalkthroughSlice> = () => ({})
