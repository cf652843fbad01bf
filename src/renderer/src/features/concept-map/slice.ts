/**
 * The concept-map feature's slice: which view is shown, which lesson is open, the course graph
 * (in the current language) and the student's progress.
 */
import type { StateCreator } from 'zustand'
import type { ConceptGraph, LessonLanguage, LessonProgress } from '@shared/contract/lessons'
import type { StoreState } from '../../stores'
import { api } from '../../lib/api'

export type ConceptView = 'map' | 'graph'

export interface ConceptMapState {
  view: ConceptView
  /** The open lesson's id, or null. */
  lessonId: string | null
  /** A set the Euler diagram should focus (asked from outside it, e.g. "show it on the map"). */
  focusSet: string | null
  graph: ConceptGraph | null
  progress: LessonProgress | null
}

export interface ConceptMapSlice {
  conceptMap: ConceptMapState
  /**
   * Shows `view` and closes the open lesson: a lesson covers the whole area when the window is
   * too narrow for both, so keeping it open would hide the view the student just asked for.
   */
  setConceptView(view: ConceptView): void
  /** Opens a lesson (and records the visit), or closes it with null. */
  openLesson(id: string | null): void
  /** Switches to the diagram and puts keyboard focus on set `id` (null once done). */
  showOnMap(id: string | null): void
  /** Loads the graph in `language` (kept until the language changes). @throws the transport's error */
  loadConceptGraph(language: LessonLanguage): Promise<void>
  /** @throws the transport's error */
  loadLessonProgress(): Promise<void>
  /** Records a self-check answer; returns whether it was right. @throws the transport's error */
  answerLesson(id: string, choice: number): Promise<boolean>
  resetLessonProgress(): Promise<void>
}

const initial: ConceptMapState = { view: 'map', lessonId: null, focusSet: null, graph: null, progress: null }

export const createConceptMapSlice: StateCreator<StoreState, [], [], ConceptMapSlice> = (set, get) => {
  const patch = (p: Partial<ConceptMapState>): void => set((s) => ({ conceptMap: { ...s.conceptMap, ...p } }))
  return {
    conceptMap: initial,
    setConceptView: (view) => patch({ view, lessonId: null }),
    openLesson: (id) => {
      patch({ lessonId: id })
      if (id === null || get().conceptMap.progress?.visited[id]) return
      api()
        .lessons.markVisited({ id })
        .then((progress) => patch({ progress }))
        .catch(() => undefined) // a visit that is not recorded is not worth an error message
    },
    showOnMap: (id) => patch(id === null ? { focusSet: null } : { view: 'map', focusSet: id, lessonId: null }),
    loadConceptGraph: async (language) => {
      if (get().conceptMap.graph?.language === language) return
      patch({ graph: await api().lessons.graph({ language }) })
    },
    loadLessonProgress: async () => patch({ progress: await api().lessons.progress() }),
    answerLesson: async (id, choice) => {
      const r = await api().lessons.answer({ id, choice })
      patch({ progress: r.progress })
      return r.correct
    },
    resetLessonProgress: async () => patch({ progress: await api().lessons.resetProgress() })
  }
}
