/** Truth fixtures the walkthrough tests read (written by the model build scripts in tools/models/). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers'

export interface ToyTruth {
  truth: { prompt: string; input_ids: number[]; outputs: Record<string, { shape: number[]; data: number[] }> }[]
}

/** The toy GPT's PyTorch truth fixture (tools/models/toyworld/export.py). */
export function toyTruth(): ToyTruth {
  return JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/toyworld/toy-base-truth.json'), 'utf8')) as ToyTruth
}
