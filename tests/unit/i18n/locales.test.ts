import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers'

/** Flattens nested locale objects to dotted keys. */
function keys(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'object' && v !== null) for (const [kk, vv] of keys(v as Record<string, unknown>, key)) out.set(kk, vv)
    else out.set(key, String(v))
  }
  return out
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(tsx?|ts)$/.test(name) ? [p] : []
  })
}

/** All locale files of one language merged, as i18n.ts does. */
function load(language: string): Record<string, unknown> {
  const dir = join(ROOT, 'src/renderer/src/locales', language)
  return Object.assign({}, ...readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as object))
}

describe('locales', () => {
  const enKeys = keys(load('en'))
  const zhKeys = keys(load('zh-CN'))

  it('has the same files in both languages', () => {
    expect(readdirSync(join(ROOT, 'src/renderer/src/locales/zh-CN')).sort()).toEqual(readdirSync(join(ROOT, 'src/renderer/src/locales/en')).sort())
  })

  it('has every key in both languages, none empty', () => {
    const onlyEn = [...enKeys.keys()].filter((k) => !zhKeys.has(k))
    const onlyZh = [...zhKeys.keys()].filter((k) => !enKeys.has(k))
    expect({ onlyEn, onlyZh }).toEqual({ onlyEn: [], onlyZh: [] })
    for (const [k, v] of [...enKeys, ...zhKeys]) expect(v.trim(), k).not.toBe('')
  })

  it('has zh-CN text that is actually Chinese where English has words', () => {
    const untranslated = [...enKeys].filter(([k, v]) => /[a-z]{4,}/i.test(v) && zhKeys.get(k) === v && k !== 'app.name')
    expect(untranslated).toEqual([])
  })

  it('translates the task and source of every bundled model (English source as in the manifest)', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'resources/models/manifest.json'), 'utf8')) as { models: { id: string; task: string; source: string }[] }
    expect(manifest.models.length).toBeGreaterThan(0)
    for (const m of manifest.models) {
      expect(zhKeys.has(`models.tasks.${m.task}`), `models.tasks.${m.task}`).toBe(true)
      expect(zhKeys.has(`models.sources.${m.id}`), `models.sources.${m.id}`).toBe(true)
      expect(enKeys.get(`models.sources.${m.id}`), `models.sources.${m.id} (update it when the manifest's source changes)`).toBe(m.source)
    }
  })

  it('defines every literal key the renderer asks for', () => {
    const used = new Set<string>()
    for (const file of sourceFiles(join(ROOT, 'src/renderer/src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!)
    }
    expect(used.size).toBeGreaterThan(10)
    const plural = (k: string): boolean => enKeys.has(`${k}_one`) && enKeys.has(`${k}_other`)
    const missing = [...used].filter((k) => !enKeys.has(k) && !plural(k) && ![...enKeys.keys()].some((e) => e.startsWith(`${k}.`)))
    expect(missing).toEqual([])
  })
})
