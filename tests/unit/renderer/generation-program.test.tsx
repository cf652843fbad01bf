// The PAL preset's interpreter (features/generation/program.ts) on the programs toy-chat writes.
import { describe, expect, it } from 'vitest'
import { asksForProgram, programSource, runProgram } from '../../../src/renderer/src/features/generation/program'
import { LAB_TARGETS, parseLabTarget } from '../../../src/shared/contract/lessons'
import presetsFile from '../../../resources/corpora/toyworld/presets.json'

const presets = (presetsFile as { presets: { id: string; prompt: string; expected?: string; answer?: number }[] }).presets

describe('runProgram', () => {
  it('runs the PAL preset program to its answer', () => {
    const pal = presets.find((p) => p.id === 'pal')!
    expect(runProgram(pal.expected!)).toEqual({ ok: true, value: pal.answer })
    expect(pal.answer).toBe(91)
  })

  it('does the three operations in order, with names and numbers', () => {
    expect(runProgram('a = 7 * 6\nb = a - 5\nc = b + a\nprint(c)')).toEqual({ ok: true, value: 79 })
    expect(runProgram('x = 12\nprint(x)')).toEqual({ ok: true, value: 12 })
    expect(runProgram(programSource('a = 2 + 2\nprint(a)<|endoftext|>'))).toEqual({ ok: true, value: 4 })
  })

  it('says which line is wrong and why, and runs nothing else', () => {
    expect(runProgram('a = 1 + b\nprint(a)')).toEqual({ ok: false, line: 1, problem: 'undefined', detail: 'b' })
    expect(runProgram('a = 2 / 1\nprint(a)')).toEqual({ ok: false, line: 1, problem: 'syntax', detail: 'a = 2 / 1' })
    expect(runProgram("a = require('fs')")).toMatchObject({ ok: false, problem: 'syntax' })
    expect(runProgram('a = 3\nprint(a)\nb = 4')).toEqual({ ok: false, line: 3, problem: 'after-print', detail: 'b = 4' })
    expect(runProgram('a = 3')).toEqual({ ok: false, line: 1, problem: 'no-print', detail: '' })
    expect(runProgram('a = 1\n'.repeat(60))).toMatchObject({ ok: false, problem: 'too-long' })
  })

  it('recognises the PAL prompt format only', () => {
    expect(asksForProgram(presets.find((p) => p.id === 'pal')!.prompt)).toBe(true)
    expect(asksForProgram(presets.find((p) => p.id === 'cot')!.prompt)).toBe(false)
  })
})

describe('lesson lab links to generation presets', () => {
  it('every generation:<preset> target names a preset that exists', () => {
    const ids = new Set(presets.map((p) => p.id))
    const named = LAB_TARGETS.map((t) => parseLabTarget(t)).flatMap((l) => (l.kind === 'section' && l.section === 'generation' && l.target ? [l.target] : []))
    expect(named.length).toBeGreaterThanOrEqual(7)
    for (const id of named) expect(ids.has(id), id).toBe(true)
  })
})
