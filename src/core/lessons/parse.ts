/**
 * Parser for one lesson file (format: front matter, then `## @explanation`, `## @example`,
 * `## @simplifies`, `## @glossary`, `## @check`). The output is validated by `lessonSchema`.
 */
import { type Lesson, type LessonLanguage, lessonSchema } from '../../shared/contract/lessons'

const SECTIONS = ['explanation', 'example', 'simplifies', 'glossary', 'check'] as const
type SectionName = (typeof SECTIONS)[number]

/** `[[id]]` or `[[id|shown text]]`. */
const LINK = /\[\[([a-z0-9-]+)(?:\|([^\]|]+))?\]\]/g
/** Glossary line: `- [[id]]: text`, `- [[id|term]]: text` or `- term: text`; ASCII ':' or full-width '：'. */
const GLOSSARY = /^-\s+(?:\[\[([a-z0-9-]+)(?:\|([^\]|]+))?\]\]|([^:：]+?))\s*[:：]\s*(.+)$/
const QUESTION = /^Q\s*[:：]\s*(.+)$/
const OPTION = /^-\s+\[([ xX])\]\s+(.+?)\s+::\s+(.+)$/

/** A lesson file that does not follow the format; the message names the file and the problem. */
export class LessonFormatError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`)
    this.name = 'LessonFormatError'
  }
}

function frontMatter(text: string, where: string): { meta: Record<string, string>; body: string } {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  if (lines[0]?.trim() !== '---') throw new LessonFormatError(where, 'missing front matter (first line must be ---)')
  const end = lines.indexOf('---', 1)
  if (end < 0) throw new LessonFormatError(where, 'front matter is not closed by ---')
  const meta: Record<string, string> = {}
  for (const line of lines.slice(1, end)) {
    const m = /^([a-z]+):\s*(.*)$/.exec(line)
    if (m) meta[m[1]!] = m[2]!.trim()
  }
  return { meta, body: lines.slice(end + 1).join('\n') }
}

function sections(body: string, where: string): Record<SectionName, string> {
  const out: Partial<Record<SectionName, string>> = {}
  let current: SectionName | null = null
  const buf: string[] = []
  const flush = (): void => {
    if (current) out[current] = buf.join('\n').trim()
    buf.length = 0
  }
  for (const line of body.split('\n')) {
    const m = /^## @([a-z]+)\s*$/.exec(line)
    if (m) {
      flush()
      if (!(SECTIONS as readonly string[]).includes(m[1]!)) throw new LessonFormatError(where, `unknown section @${m[1]}`)
      current = m[1] as SectionName
      if (out[current] !== undefined) throw new LessonFormatError(where, `section @${current} appears twice`)
    } else if (current) buf.push(line)
  }
  flush()
  for (const s of SECTIONS) if (!out[s]) throw new LessonFormatError(where, `section @${s} is missing or empty`)
  return out as Record<SectionName, string>
}

/**
 * Turns `[[id]]` / `[[id|text]]` into markdown links `[text](#/lesson/id)` (the title in this
 * language for `[[id]]`); ids without a title stay as plain text. Adds every id to `links`.
 */
function resolveLinks(markdown: string, titles: ReadonlyMap<string, string>, links: Set<string>): string {
  return markdown.replace(LINK, (_all, id: string, shown: string | undefined) => {
    links.add(id)
    const text = shown ?? titles.get(id) ?? id
    return titles.has(id) ? `[${text}](#/lesson/${id})` : text
  })
}

function parseCheck(text: string, where: string): Lesson['check'] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  const q = QUESTION.exec(lines[0] ?? '')
  if (!q) throw new LessonFormatError(where, '@check must start with "Q: question"')
  const options = lines.slice(1).map((line) => {
    const m = OPTION.exec(line)
    if (!m) throw new LessonFormatError(where, `bad self-check option "${line}" (expected "- [ ] text :: feedback")`)
    return { text: m[2]!, correct: m[1] !== ' ', feedback: m[3]! }
  })
  return { question: q[1]!, options }
}

function parseGlossary(text: string, titles: ReadonlyMap<string, string>, links: Set<string>, where: string): Lesson['glossary'] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const m = GLOSSARY.exec(line)
    if (!m) throw new LessonFormatError(where, `bad glossary line "${line}" (expected "- term: definition")`)
    const id = m[1] ?? null
    if (id) links.add(id)
    const term = id ? (m[2] ?? titles.get(id) ?? id) : m[3]!.trim()
    return { term, id: id && titles.has(id) ? id : null, definition: resolveLinks(m[4]!, titles, links) }
  })
}

/**
 * Parses one lesson file.
 * @param text the file's content (UTF-8 text)
 * @param language the language folder it came from
 * @param titles lesson id → title in the same language, used to label `[[id]]` links
 * @param where a name for error messages (e.g. the file path)
 * @throws LessonFormatError if a section, the front matter or the self-check is malformed
 * @throws ZodError (wrapped in LessonFormatError) if a field is out of range (unknown chapter, lab…)
 */
export function parseLesson(text: string, language: LessonLanguage, titles: ReadonlyMap<string, string>, where = 'lesson'): Lesson {
  const { meta, body } = frontMatter(text, where)
  const s = sections(body, where)
  const links = new Set<string>()
  const lesson = {
    id: meta.id,
    language,
    title: meta.title,
    chapter: meta.chapter,
    lab: meta.lab,
    summary: meta.summary,
    explanation: resolveLinks(s.explanation, titles, links),
    example: resolveLinks(s.example, titles, links),
    simplifies: resolveLinks(s.simplifies, titles, links),
    glossary: parseGlossary(s.glossary, titles, links, where),
    check: parseCheck(s.check, where),
    links: [] as string[]
  }
  lesson.links = [...links]
  const parsed = lessonSchema.safeParse(lesson)
  if (!parsed.success) throw new LessonFormatError(where, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  return parsed.data
}

/** Reads only the front-matter title (used to label links before the full parse). */
export function lessonTitle(text: string, where = 'lesson'): string {
  const title = frontMatter(text, where).meta.title
  if (!title) throw new LessonFormatError(where, 'front matter has no title')
  return title
}
