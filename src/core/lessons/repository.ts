/**
 * Reads the bundled course: resources/lessons/graph.json and the lesson files of each language.
 * Everything is read once per language and cached (the files are part of the install).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../shared/errors'
import {
  CHAPTERS, type ConceptGraph, LAB_TARGETS, type Lesson, type LessonLanguage, LESSON_LANGUAGES, RELATIONS, lessonIdSchema
} from '../../shared/contract/lessons'
import { lessonTitle, parseLesson } from './parse'

const localized = z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1) })

/** Schema of resources/lessons/graph.json. */
export const graphFileSchema = z.object({
  version: z.literal(1),
  nodes: z.array(z.object({ id: lessonIdSchema, chapter: z.enum(CHAPTERS), lab: z.enum(LAB_TARGETS) })).min(1),
  edges: z.array(z.object({ source: lessonIdSchema, target: lessonIdSchema, relation: z.enum(RELATIONS) })),
  sets: z.object({
    euler: z.record(lessonIdSchema, lessonIdSchema.nullable()),
    overlaps: z.array(z.object({ set: lessonIdSchema, overlaps: z.array(lessonIdSchema), note: localized })),
    corners: z.array(z.object({ set: lessonIdSchema, outside: lessonIdSchema, label: localized, debated: z.boolean(), note: localized }))
  })
}).passthrough()
export type GraphFile = z.infer<typeof graphFileSchema>

interface LanguageData {
  lessons: Map<string, Lesson>
  graph: ConceptGraph
}

export class LessonRepository {
  private graphFile: Promise<GraphFile> | null = null
  private readonly byLanguage = new Map<LessonLanguage, Promise<LanguageData>>()

  /** @param lessonsDir resources/lessons */
  constructor(private readonly lessonsDir: string) {}

  /** The validated graph.json. @throws Error naming the file if it is missing or malformed. */
  graphFileData(): Promise<GraphFile> {
    this.graphFile ??= readFile(join(this.lessonsDir, 'graph.json'), 'utf8').then((text) => {
      const parsed = graphFileSchema.safeParse(JSON.parse(text))
      if (!parsed.success) throw new Error(`resources/lessons/graph.json is malformed: ${parsed.error.issues[0]?.message ?? ''}`)
      return parsed.data
    })
    this.graphFile.catch(() => (this.graphFile = null))
    return this.graphFile
  }

  /** Every lesson of one language, parsed, with the graph labelled in that language. */
  private load(language: LessonLanguage): Promise<LanguageData> {
    let data = this.byLanguage.get(language)
    if (!data) {
      data = this.read(language)
      data.catch(() => this.byLanguage.delete(language))
      this.byLanguage.set(language, data)
    }
    return data
  }

  private async read(language: LessonLanguage): Promise<LanguageData> {
    const file = await this.graphFileData()
    const dir = join(this.lessonsDir, language)
    const texts = new Map<string, string>()
    await Promise.all(file.nodes.map(async (n) => texts.set(n.id, await readFile(join(dir, `${n.id}.md`), 'utf8'))))
    const titles = new Map([...texts].map(([id, text]) => [id, lessonTitle(text, `${language}/${id}.md`)]))
    const lessons = new Map([...texts].map(([id, text]) => [id, parseLesson(text, language, titles, `${language}/${id}.md`)]))
    const graph: ConceptGraph = {
      language,
      nodes: file.nodes.map((n) => ({ ...n, title: lessons.get(n.id)!.title, summary: lessons.get(n.id)!.summary })),
      edges: file.edges,
      sets: {
        parent: file.sets.euler,
        overlaps: file.sets.overlaps.map((o) => ({ ...o, note: o.note[language] })),
        corners: file.sets.corners.map((c) => ({ ...c, label: c.label[language], note: c.note[language] }))
      }
    }
    return { lessons, graph }
  }

  /** The concept graph with titles and notes in `language`. */
  async graph(language: LessonLanguage): Promise<ConceptGraph> {
    return (await this.load(language)).graph
  }

  /** One lesson. @throws AppError BAD_REQUEST if `id` is not a lesson of the course. */
  async lesson(id: string, language: LessonLanguage): Promise<Lesson> {
    const lesson = (await this.load(language)).lessons.get(id)
    if (!lesson) throw new AppError('BAD_REQUEST', `There is no lesson "${id}". Open the concept map to pick one.`)
    return lesson
  }

  /** Every lesson in every language (for checks that compare the languages). */
  async all(): Promise<Record<LessonLanguage, Map<string, Lesson>>> {
    const [en, zh] = await Promise.all(LESSON_LANGUAGES.map((l) => this.load(l)))
    return { en: en!.lessons, 'zh-CN': zh!.lessons }
  }
}
