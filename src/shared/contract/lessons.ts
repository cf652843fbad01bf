/**
 * Channels and types of the lessons feature (concept map, concept graph, lesson viewer, progress).
 * Lesson files live in resources/lessons/{en,zh-CN}/<id>.md; the graph in resources/lessons/graph.json.
 */
import { z } from 'zod'
import { channel, empty } from './channel'

export const LESSON_LANGUAGES = ['en', 'zh-CN'] as const
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number]

/** Chapters of the course, in teaching order. */
export const CHAPTERS = ['foundations', 'learning', 'deep-learning', 'generative', 'transformer', 'training', 'prompting', 'reliability'] as const
export type Chapter = (typeof CHAPTERS)[number]

/** How two concepts relate; an edge reads "source <relation> target" (e.g. LLM is-a generative AI). */
export const RELATIONS = ['is-a', 'part-of', 'uses', 'used-in', 'fixes', 'precedes', 'contrasts-with'] as const
export type Relation = (typeof RELATIONS)[number]

/** Every lab a lesson may point to (see {@link parseLabTarget}). */
export const LAB_TARGETS = [
  'concept-map', 'embedding-space', 'tokenizer', 'generation', 'generation:hallucination', 'generation:base-vs-chat',
  'generation:rag', 'generation:react', 'generation:cot', 'generation:pal', 'generation:few-shot',
  'walkthrough:tokenize', 'walkthrough:embedding', 'walkthrough:positional-encoding', 'walkthrough:attention',
  'walkthrough:feed-forward', 'walkthrough:stack', 'walkthrough:masked-attention', 'walkthrough:cross-attention',
  'walkthrough:softmax', 'walkthrough:loop', 'walkthrough:decoder-only', 'walkthrough:compare', 'models',
  'later:training-lab', 'later:prompting-lab', 'later:rag-lab', 'later:pal-lab', 'later:react-lab', 'none'
] as const
export type LabTarget = (typeof LAB_TARGETS)[number]

/** Sections a lab can open (a subset of the app's sections; kept here so shared stays renderer-free). */
export type LabSection = 'concept-map' | 'library' | 'walkthrough' | 'tokenizer' | 'generation' | 'models'

/** Where a lab target leads: a section (+ deep-link target), a lab of a later release, or nothing. */
export type LabLink = { kind: 'section'; section: LabSection; target: string | null } | { kind: 'later'; lab: string } | { kind: 'none' }

/** Resolves a {@link LabTarget}: `walkthrough:attention` → walkthrough section, target `attention`. */
export function parseLabTarget(lab: LabTarget): LabLink {
  if (lab === 'none') return { kind: 'none' }
  const [head, tail = null] = lab.split(':') as [string, string | undefined]
  if (head === 'later') return { kind: 'later', lab: tail ?? '' }
  const section: LabSection = head === 'embedding-space' ? 'library' : (head as LabSection)
  return { kind: 'section', section, target: tail }
}

/** Lesson ids: lowercase words joined by hyphens (also the file name). */
export const lessonIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,60}$/)
const languageSchema = z.enum(LESSON_LANGUAGES)

export const glossaryEntrySchema = z.object({
  term: z.string().min(1),
  /** The lesson the term links to, or null for a term without its own lesson. */
  id: lessonIdSchema.nullable(),
  definition: z.string().min(1)
})

export const checkSchema = z.object({
  question: z.string().min(1),
  options: z.array(z.object({ text: z.string().min(1), correct: z.boolean(), feedback: z.string().min(1) })).min(3).max(4)
}).refine((c) => c.options.filter((o) => o.correct).length === 1, { message: 'exactly one option must be correct' })

/**
 * One parsed lesson in one language. Markdown bodies have `[[id]]` / `[[id|text]]` already turned
 * into links `[text](#/lesson/id)`; `links` lists every id they point to (body and glossary).
 */
export const lessonSchema = z.object({
  id: lessonIdSchema,
  language: languageSchema,
  title: z.string().min(1),
  chapter: z.enum(CHAPTERS),
  lab: z.enum(LAB_TARGETS),
  summary: z.string().min(1),
  explanation: z.string().min(1),
  example: z.string().min(1),
  simplifies: z.string().min(1),
  glossary: z.array(glossaryEntrySchema).min(1),
  check: checkSchema,
  links: z.array(lessonIdSchema)
})
export type Lesson = z.infer<typeof lessonSchema>

/** A graph node as the renderer gets it: its id, chapter, lab, and title/summary in the asked language. */
export interface ConceptNode {
  id: string
  chapter: Chapter
  lab: LabTarget
  title: string
  summary: string
}
export interface ConceptEdge {
  source: string
  target: string
  relation: Relation
}
/** The nested (Euler) sets of the relationship diagram, with the two exceptions drawn specially. */
export interface EulerSets {
  /** set id → enclosing set id (null = outermost). */
  parent: Record<string, string | null>
  overlaps: { set: string; overlaps: string[]; note: string }[]
  corners: { set: string; outside: string; label: string; debated: boolean; note: string }[]
}
export interface ConceptGraph {
  language: LessonLanguage
  nodes: ConceptNode[]
  edges: ConceptEdge[]
  sets: EulerSets
}

/** The student's progress, stored in `<userData>/lesson-progress.json`. */
export const progressSchema = z.object({
  version: z.literal(1),
  /** Lesson id → ISO time of the first visit. */
  visited: z.record(z.string(), z.string()),
  /** Lesson id → the last self-check answer (option index, 0-based). */
  answers: z.record(z.string(), z.object({ choice: z.number().int().min(0).max(3), correct: z.boolean(), at: z.string() }))
})
export type LessonProgress = z.infer<typeof progressSchema>

export const lessonsContract = {
  /** The concept graph (nodes, edges, Euler sets) with titles in `language`. */
  'lessons:graph': channel<ConceptGraph>()(z.object({ language: languageSchema }).strict()),
  /** One lesson. @throws BAD_REQUEST for an unknown id. */
  'lessons:get': channel<Lesson>()(z.object({ id: lessonIdSchema, language: languageSchema }).strict()),
  'lessons:progress': channel<LessonProgress>()(empty),
  'lessons:markVisited': channel<LessonProgress>()(z.object({ id: lessonIdSchema }).strict()),
  /** Records a self-check answer (option index) and says whether it was right. */
  'lessons:answer': channel<{ correct: boolean; progress: LessonProgress }>()(
    z.object({ id: lessonIdSchema, choice: z.number().int().min(0).max(3) }).strict()
  ),
  /** Forgets visits and answers. */
  'lessons:resetProgress': channel<LessonProgress>()(empty)
} as const

/** Events of the lessons feature (none: progress is returned by the calls that change it). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LessonsEvents {}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const lessonsEventNames: (keyof LessonsEvents)[] = []
