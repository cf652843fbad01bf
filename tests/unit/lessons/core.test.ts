/** The lesson parser, the progress store and the lessons handlers (Node, temp folders). */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../src/core/context'
import { createLessonsHandlers } from '../../../src/core/lessons/handlers'
import { LessonFormatError, parseLesson } from '../../../src/core/lessons/parse'
import { ProgressStore } from '../../../src/core/lessons/progress'
import { ROOT, tempDir } from '../helpers'

const TITLES = new Map([['token', 'Token'], ['llm', '大语言模型']])
const lesson = (check = '- [ ] a :: no\n- [x] b :: yes\n- [ ] c :: no', glossary = '- [[token]]: a piece of text\n- 温度：控制随机性'): string =>
  `---\nid: sampling\ntitle: Sampling\nchapter: generative\nlab: generation\nsummary: One line.\n---\n## @explanation\nSee [[token]] and [[llm|models]].\n## @example\nEx.\n## @simplifies\nSimple.\n## @glossary\n${glossary}\n## @check\nQ：Which?\n${check}\n`

describe('parseLesson', () => {
  it('parses sections, resolves links with titles and accepts ":" and "：" in the glossary and question', () => {
    const l = parseLesson(lesson(), 'en', TITLES)
    expect(l.explanation).toBe('See [Token](#/lesson/token) and [models](#/lesson/llm).')
    expect(l.glossary).toEqual([
      { term: 'Token', id: 'token', definition: 'a piece of text' },
      { term: '温度', id: null, definition: '控制随机性' }
    ])
    expect(l.check.question).toBe('Which?')
    expect(l.check.options.map((o) => o.correct)).toEqual([false, true, false])
    expect(l.links.sort()).toEqual(['llm', 'token'])
  })

  it('keeps unknown link ids as plain text but lists them (the course test rejects them)', () => {
    const l = parseLesson(lesson().replace('[[token]]', '[[nope]]'), 'en', TITLES)
    expect(l.explanation).toContain('See nope and')
    expect(l.links).toContain('nope')
  })

  it('rejects malformed files with the file name and the problem', () => {
    expect(() => parseLesson(lesson('- [x] a :: yes\n- [x] b :: yes\n- [ ] c :: no'), 'en', TITLES, 'en/x.md')).toThrow(/en\/x\.md: .*exactly one/)
    expect(() => parseLesson(lesson('- [ ] a :: no\n- [x] b'), 'en', TITLES)).toThrow(/bad self-check option/)
    expect(() => parseLesson(lesson().replace('## @example', '## @examples'), 'en', TITLES)).toThrow(/unknown section @examples/)
    expect(() => parseLesson(lesson().replace('chapter: generative', 'chapter: cooking'), 'en', TITLES)).toThrow(LessonFormatError)
    expect(() => parseLesson('no front matter', 'en', TITLES)).toThrow(/front matter/)
  })
})

describe('ProgressStore', () => {
  let cleanup = (): void => undefined
  afterEach(() => cleanup())

  it('remembers visits and answers across instances, keeping the first visit time', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const a = new ProgressStore(t.dir)
    await a.markVisited('token', new Date('2026-01-01T00:00:00Z'))
    await a.markVisited('token', new Date('2026-02-01T00:00:00Z'))
    await a.answer('llm', 2, false, new Date('2026-01-02T00:00:00Z'))
    const b = await new ProgressStore(t.dir).get()
    expect(b.visited).toEqual({ token: '2026-01-01T00:00:00.000Z', llm: '2026-01-02T00:00:00.000Z' })
    expect(b.answers.llm).toEqual({ choice: 2, correct: false, at: '2026-01-02T00:00:00.000Z' })
  })

  it('loses no update when calls overlap, and survives a corrupt file', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const s = new ProgressStore(t.dir)
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => s.markVisited(id)))
    expect(Object.keys((await s.get()).visited).sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
    writeFileSync(join(t.dir, 'lesson-progress.json'), '{"version":1,"visited":')
    expect(await s.get()).toEqual({ version: 1, visited: {}, answers: {} })
    expect(readFileSync(join(t.dir, 'lesson-progress.json.bad'), 'utf8')).toContain('visited')
  })
})

describe('lessons handlers', () => {
  it('serves the graph, a lesson, and grades answers against the lesson', async () => {
    const t = tempDir()
    try {
      const ctx = { lessonsDir: join(ROOT, 'resources/lessons'), options: { userDataDir: t.dir } } as unknown as CoreContext
      const h = createLessonsHandlers(ctx)
      const g = await h['lessons:graph']({ language: 'zh-CN' })
      expect(g.nodes.find((n) => n.id === 'llm')?.title).toMatch(/大语言模型/)
      expect(g.sets.corners[0]?.label).toBe('仅编码器（如 BERT）')
      const l = await h['lessons:get']({ id: 'self-attention', language: 'en' })
      const right = l.check.options.findIndex((o) => o.correct)
      expect((await h['lessons:answer']({ id: 'self-attention', choice: right })).correct).toBe(true)
      const wrong = await h['lessons:answer']({ id: 'self-attention', choice: (right + 1) % l.check.options.length })
      expect(wrong.correct).toBe(false)
      expect(wrong.progress.visited['self-attention']).toBeTypeOf('string')
      await expect(h['lessons:get']({ id: 'no-such-lesson', language: 'en' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
      await expect(h['lessons:answer']({ id: 'self-attention', choice: l.check.options.length })).rejects.toThrow()
      expect((await h['lessons:resetProgress']({})).visited).toEqual({})
    } finally {
      t.cleanup()
    }
  })
})
