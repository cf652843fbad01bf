/** Handlers of the lessons feature's channels (src/shared/contract/lessons.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { lessonsContract } from '../../shared/contract/lessons'
import { AppError } from '../../shared/errors'
import type { CoreContext } from '../context'
import { ProgressStore } from './progress'
import { LessonRepository } from './repository'

export function createLessonsHandlers(ctx: CoreContext): HandlersOf<typeof lessonsContract> {
  const repo = new LessonRepository(ctx.lessonsDir)
  const progress = new ProgressStore(ctx.options.userDataDir)
  return {
    'lessons:graph': (req) => repo.graph(req.language),
    'lessons:get': (req) => repo.lesson(req.id, req.language),
    'lessons:progress': () => progress.get(),
    'lessons:markVisited': async (req) => {
      await repo.lesson(req.id, 'en')
      return progress.markVisited(req.id)
    },
    'lessons:answer': async (req) => {
      // The correct option is the same in both languages (tests/unit/lessons checks it).
      const { options } = (await repo.lesson(req.id, 'en')).check
      if (req.choice >= options.length) throw new AppError('BAD_REQUEST', `Lesson "${req.id}" has only ${options.length} options.`)
      const correct = options[req.choice]!.correct
      return { correct, progress: await progress.answer(req.id, req.choice, correct) }
    },
    'lessons:resetProgress': () => progress.reset()
  }
}
