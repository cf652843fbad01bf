/** The one bound store: every feature's slice combined (zustand slices pattern). */
import { create } from 'zustand'
import { type AppSlice, createAppSlice } from './app-slice'

export type StoreState = AppSlice

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a)
}))

/** Initial state, for resetting between tests. */
export const initialStoreState = useStore.getState()
