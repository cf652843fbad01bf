/**
 * The bundled course: every lesson exists in both languages with the same structure, links and lab
 * targets are valid, and every lesson body renders as the app renders it (react-markdown + GFM).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import Markdown from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { beforeAll, describe, expect, it } from 'vitest'
import { LAB_TARGETS, type Lesson, type LessonLanguage, parseLabTarget } from '../../../src/shared/contract/lessons'
import { type GraphFile, LessonRepository } from '../../../src/core/lessons/repository'
import { ROOT } from '../helpers'

const DIR = join(ROOT, 'resources/lessons')
const LANGS: LessonLanguage[] = ['en', 'zh-CN']

describe('bundled lessons', () => {
  const repo = new LessonRepository(DIR)
  let graph: GraphFile
  let all: Record<LessonLanguage, Map<string, Lesson>>
  let ids: string[]

  beforeAll(async () => {
    graph = await repo.graphFileData()
    all = await repo.all()
    ids = graph.nodes.map((n) => n.id)
  })

  it('has the 39 concepts of the course, each with a file in both languages and no stray file', () => {
    expect(ids).toHaveLength(39)
    expect(new Set(ids).size).toBe(ids.length)
    for (const lang of LANGS) {
      const files = readdirSync(join(DIR, lang)).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3))
      expect(files.sort(), lang).toEqual([...ids].sort())
    }
  })

  it('parses every lesson, whose front matter matches its graph node', () => {
    for (const lang of LANGS) {
      for (const node of graph.nodes) {
        const lesson = all[lang].get(node.id)!
        expect(lesson.id).toBe(node.id)
        expect([lesson.chapter, lesson.lab], `${lang}/${node.id}`).toEqual([node.chapter, node.lab])
      }
    }
  })

  it('has the same self-check structure in both languages: option count and correct option', () => {
    for (const id of ids) {
      const [en, zh] = LANGS.map((l) => all[l].get(id)!.check)
      expect(zh!.options.length, id).toBe(en!.options.length)
      expect(zh!.options.findIndex((o) => o.correct), id).toBe(en!.options.findIndex((o) => o.correct))
      expect(en!.options.filter((o) => o.correct)).toHaveLength(1)
    }
  })

  it('has the same glossary size and the same linked glossary terms in both languages', () => {
    for (const id of ids) {
      const [en, zh] = LANGS.map((l) => all[l].get(id)!.glossary)
      expect(zh!.length, id).toBe(en!.length)
      expect(zh!.map((g) => g.id), id).toEqual(en!.map((g) => g.id))
    }
  })

  it('links only to known lessons, never to itself', () => {
    for (const lang of LANGS) {
      for (const [id, lesson] of all[lang]) {
        expect(lesson.links.filter((l) => !ids.includes(l)), `${lang}/${id}`).toEqual([])
        expect(lesson.links, `${lang}/${id}`).not.toContain(id)
      }
    }
  })

  it('uses only valid lab targets, and each leads to a section, a later release, or nothing', () => {
    for (const node of graph.nodes) {
      expect(LAB_TARGETS).toContain(node.lab)
      expect(['section', 'later', 'none']).toContain(parseLabTarget(node.lab).kind)
    }
    expect(parseLabTarget('walkthrough:attention')).toEqual({ kind: 'section', section: 'walkthrough', target: 'attention' })
    expect(parseLabTarget('embedding-space')).toEqual({ kind: 'section', section: 'library', target: null })
    expect(parseLabTarget('later:rag-lab')).toEqual({ kind: 'later', lab: 'rag-lab' })
  })

  it('has edges and Euler sets only between known concepts', () => {
    for (const e of graph.edges) expect([ids.includes(e.source), ids.includes(e.target)], `${e.source}→${e.target}`).toEqual([true, true])
    for (const [set, parent] of Object.entries(graph.sets.euler)) {
      expect(ids).toContain(set)
      if (parent !== null) expect(ids).toContain(parent)
    }
    const ancestors = (id: string): string[] => (graph.sets.euler[id] ? [graph.sets.euler[id]!, ...ancestors(graph.sets.euler[id]!)] : [])
    expect(ancestors('llm')).toEqual(['generative-ai', 'deep-learning', 'machine-learning', 'ai'])
  })

  it('renders every body with no markdown left over (e.g. ** next to Chinese punctuation)', () => {
    const html = (md: string): string => renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm] }, md))
    for (const lang of LANGS) {
      for (const [id, l] of all[lang]) {
        const body = [l.explanation, l.example, l.simplifies, ...l.glossary.map((g) => g.definition)].join('\n\n')
        const out = html(body).replace(/<code>[\s\S]*?<\/code>/g, '')
        expect(out.match(/\*\*|\[\[|\]\]|__/g), `${lang}/${id}`).toBeNull()
      }
    }
  })

  it('cites BERT as Devlin et al. 2019 everywhere', () => {
    for (const lang of LANGS) {
      for (const id of ids) {
        const text = readFileSync(join(DIR, lang, `${id}.md`), 'utf8')
        for (const m of text.matchAll(/Devlin[^0-9]{0,12}(\d{4})/g)) expect(m[1], `${lang}/${id}`).toBe('2019')
      }
    }
  })

  it('keeps the lesson UI strings in both languages under one key', () => {
    const load = (l: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'src/renderer/src/locales', l, 'lessons.json'), 'utf8')) as Record<string, unknown>
    const keys = (o: unknown, p = ''): string[] =>
      typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => keys(v, p ? `${p}.${k}` : k)) : [p]
    expect(Object.keys(load('en'))).toEqual(['lessons'])
    expect(keys(load('zh-CN')).sort()).toEqual(keys(load('en')).sort())
  })
})
