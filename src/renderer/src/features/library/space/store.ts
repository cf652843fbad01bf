/**
 * The explorer's own state (a small zustand store local to this folder: the explorer is part of
 * the library view, so it does not add a slice to the app store). Per-frame state never lives
 * here: the scene reads layouts and colours through the PointCloud handle.
 */
import { create } from 'zustand'
import type { ProjectionMethod, SpaceClusters, SpaceNeighbours, SpacePoints, SpaceProjection, SpaceSearchResult } from '@shared/contract/space'
import type { ColourMode } from './colours'

export interface SpaceState {
  libraryId: string | null
  points: SpacePoints | null
  method: ProjectionMethod
  dims: 2 | 3
  projection: SpaceProjection | null
  /** Job computing the layout the user asked for, if any. */
  jobId: string | null
  /** Method/dims the pending job is for. */
  pending: { method: ProjectionMethod; dims: 2 | 3 } | null
  colour: ColourMode
  k: number
  clusters: SpaceClusters | null
  clustering: boolean
  query: string
  search: SpaceSearchResult | null
  searching: boolean
  selected: number | null
  neighbours: SpaceNeighbours | null
  /** Translated message of the last failure, or null. */
  error: string | null
  set(patch: Partial<SpaceState>): void
  reset(libraryId: string | null): void
}

const initial = {
  libraryId: null,
  points: null,
  method: 'pca' as ProjectionMethod,
  dims: 3 as 2 | 3,
  projection: null,
  jobId: null,
  pending: null,
  colour: 'document' as ColourMode,
  k: 6,
  clusters: null,
  clustering: false,
  query: '',
  search: null,
  searching: false,
  selected: null,
  neighbours: null,
  error: null
}

export const useSpaceStore = create<SpaceState>()((set) => ({
  ...initial,
  set: (patch) => set(patch),
  reset: (libraryId) => set({ ...initial, libraryId })
}))
