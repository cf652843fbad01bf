/**
 * Messages between core (the parent) and the projection worker thread (worker.ts).
 *   → { id, task, args }                         typed arrays inside args are copied or transferred
 *   ← { id, progress: { stage, done, total } }   any number
 *   ← { id, ok: true, result } | { id, ok: false, error: { code, message } }
 */
import type { WireError } from '../../shared/errors'
import type { KMeansArgs, KMeansTaskResult, LayoutArgs, LayoutResult, PlaceArgs } from './tasks'
import type { Placement } from './types'

export interface ProjectionTasks {
  layout: { args: LayoutArgs; result: LayoutResult }
  place: { args: PlaceArgs; result: { coords: number[]; placement: Placement } | null }
  kmeans: { args: KMeansArgs; result: KMeansTaskResult }
}
export type TaskName = keyof ProjectionTasks

export interface TaskRequest<T extends TaskName = TaskName> {
  id: number
  task: T
  args: ProjectionTasks[T]['args']
}

export type TaskReply =
  | { id: number; progress: { stage: string; done: number; total: number } }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: WireError }
