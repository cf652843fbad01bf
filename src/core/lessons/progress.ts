/**
 * The student's lesson progress in `<userData>/lesson-progress.json`: lessons visited and the last
 * self-check answer per lesson. Written atomically; writes are queued so two quick calls never race.
 */
import { join } from 'node:path'
import { type LessonProgress, progressSchema } from '../../shared/contract/lessons'
import { readJsonFile, writeFileAtomic } from '../settings/settings'

const empty = (): LessonProgress => ({ version: 1, visited: {}, answers: {} })

export class ProgressStore {
  private readonly path: string
  private queue: Promise<unknown> = Promise.resolve()

  constructor(userDataDir: string) {
    this.path = join(userDataDir, 'lesson-progress.json')
  }

  /** The stored progress; a missing file gives empty progress, a corrupt one is kept as `.bad`. */
  get(): Promise<LessonProgress> {
    return readJsonFile(this.path, (v) => progressSchema.parse(v), empty)
  }

  /** Applies `change` to the stored progress and writes it (queued after earlier updates). */
  private update(change: (p: LessonProgress) => void): Promise<LessonProgress> {
    const next = this.queue.then(async () => {
      const p = await this.get()
      change(p)
      await writeFileAtomic(this.path, JSON.stringify(p, null, 2))
      return p
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Marks a lesson visited (the first visit's time is kept). */
  markVisited(id: string, now = new Date()): Promise<LessonProgress> {
    return this.update((p) => {
      p.visited[id] ??= now.toISOString()
    })
  }

  /** Records a self-check answer (option index) and whether it was correct. */
  answer(id: string, choice: number, correct: boolean, now = new Date()): Promise<LessonProgress> {
    return this.update((p) => {
      p.visited[id] ??= now.toISOString()
      p.answers[id] = { choice, correct, at: now.toISOString() }
    })
  }

  /** Forgets everything. */
  reset(): Promise<LessonProgress> {
    return this.update((p) => {
      p.visited = {}
      p.answers = {}
    })
  }
}
