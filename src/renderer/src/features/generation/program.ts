/**
 * The PAL preset's interpreter: runs the tiny programs toy-chat learned to write
 * (tools/models/toyworld/corpus.py word_problem), e.g.
 *   a = 60 + 35
 *   b = a - 4
 *   print(b)
 * Grammar: lines `<name> = <operand> <+|-|*> <operand>` or `<name> = <operand>`, an operand being a
 * whole number or an earlier name, then one final `print(<name or number>)`. Nothing else is run:
 * no code is evaluated, so whatever the model writes cannot do more than this arithmetic.
 */

/** Why a program could not run: a name used before it was set, a line outside the grammar, text
 * after print(), no print() at all, or too many lines. */
export type ProgramProblem = 'undefined' | 'syntax' | 'after-print' | 'no-print' | 'too-long'

/** What running a program gives: the printed value, or the first problem, its 1-based line and the
 * text it is about (the name or the line). */
export type ProgramResult = { ok: true; value: number } | { ok: false; line: number; problem: ProgramProblem; detail: string }

const ASSIGN = /^([A-Za-z_]\w*)\s*=\s*(\w+)(?:\s*([-+*])\s*(\w+))?$/
const PRINT = /^print\(\s*(\w+)\s*\)$/
const MAX_LINES = 50

/**
 * Runs `source` (the model's output). Blank lines are skipped; the program must end with print().
 * @returns the printed number, or the first problem (never throws)
 */
export function runProgram(source: string): ProgramResult {
  const lines = source.split('\n').map((l) => l.trim())
  const vars = new Map<string, number>()
  const fail = (line: number, problem: ProgramProblem, detail = ''): ProgramResult => ({ ok: false, line, problem, detail })
  // a number, or the name that is not defined
  const value = (operand: string): number | string => (/^\d+$/.test(operand) ? Number(operand) : (vars.get(operand) ?? operand))
  if (lines.length > MAX_LINES) return fail(MAX_LINES + 1, 'too-long', String(MAX_LINES))
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!
    if (text === '') continue
    const printed = PRINT.exec(text)
    if (printed) {
      const v = value(printed[1]!)
      if (typeof v === 'string') return fail(i + 1, 'undefined', v)
      return lines.slice(i + 1).some((l) => l !== '') ? fail(i + 2, 'after-print', lines.slice(i + 1).join(' ').trim()) : { ok: true, value: v }
    }
    const m = ASSIGN.exec(text)
    if (!m) return fail(i + 1, 'syntax', text)
    const [, name, left, op, right] = m
    const a = value(left!)
    if (typeof a === 'string') return fail(i + 1, 'undefined', a)
    let result = a
    if (op !== undefined) {
      const b = value(right!)
      if (typeof b === 'string') return fail(i + 1, 'undefined', b)
      result = op === '+' ? a + b : op === '-' ? a - b : a * b
    }
    vars.set(name!, result)
  }
  return fail(lines.length, 'no-print')
}

/** True when `prompt` asks toy-chat for a program (the PAL format: "… Write a program.\nAssistant:"). */
export function asksForProgram(prompt: string): boolean {
  return /Write a program\.\s*\nAssistant:\s*$/.test(prompt)
}

/** The model's text without the end-of-text token it may end with. */
export function programSource(generated: string): string {
  return generated.replace(/<\|endoftext\|>\s*$/, '')
}
