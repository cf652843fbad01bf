import { describe, expect, it } from 'vitest'
import { editDistance, nearestWords } from '../../../src/core/walkthrough/vocab'
import { parseTeachingMeta } from '../../../src/shared/contract/walkthrough'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers'

describe('edit distance and suggestions', () => {
  it('computes Levenshtein distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('restaurant', 'restaurant')).toBe(0)
    expect(editDistance('resturant', 'restaurant')).toBe(1)
  })

  it('suggests the nearest vocabulary words, case-only differences first, specials never', () => {
    const vocab = ['<pad>', '<s>', 'She', 'is', 'in', 'a', 'restaurant', 'restaurants', 'school', 'park', 'he']
    expect(nearestWords('she', vocab)).toEqual(['She', 'he'])
    expect(nearestWords('resturant', vocab)).toEqual(['restaurant', 'restaurants'])
    expect(nearestWords('xylophone', vocab)).toEqual([])
    expect(nearestWords('s', vocab).some((w) => w.startsWith('<'))).toBe(false)
  })
})

describe('teaching graph descriptions', () => {
  it('reads the toy GPT layout', () => {
    const meta = parseTeachingMeta(readFileSync(join(ROOT, 'resources/models/toy-base/teaching/outputs.json'), 'utf8'))
    expect(meta).toMatchObject({ kind: 'decoder-only', inputName: 'input_ids', heads: 4, dModel: 128, layers: { encoder: 0, decoder: 4 }, maskValue: -1e9 })
    expect(meta.ranks.find(([n]) => n === 'blk.0.attn.scores')?.[1]).toBe(3)
  })

  it('rejects a description without sizes', () => {
    expect(() => parseTeachingMeta('{"outputs":[{"name":"x","shape":["T"]}]}')).toThrow(/V, layers/)
    expect(() => parseTeachingMeta('not json')).toThrow(/not valid JSON/)
  })
})
