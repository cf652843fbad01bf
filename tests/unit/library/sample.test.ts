import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { paragraphs } from '../../../src/core/library/split'
import { ROOT } from '../helpers'

const dir = join(ROOT, 'resources/corpora/sample-library')
const passages = (file: string): string[] => {
  const text = readFileSync(join(dir, file), 'utf8')
  return paragraphs(text).map((s) => text.slice(s.start, s.end))
}

describe('sample library corpus', () => {
  it('has at least 60 short passages, the same topics in English and Chinese', () => {
    const en = passages('en.md')
    const zh = passages('zh-CN.md')
    expect(en.length + zh.length).toBeGreaterThanOrEqual(60)
    expect(zh.length).toBe(en.length)
    for (const p of zh) expect(p).toMatch(/\p{Script=Han}/u)
    for (const p of en) expect(p).not.toMatch(/\p{Script=Han}/u)
    for (const p of [...en, ...zh]) expect(p.length).toBeLessThan(400)
    expect(new Set([...en, ...zh]).size).toBe(en.length + zh.length)
  })
})
