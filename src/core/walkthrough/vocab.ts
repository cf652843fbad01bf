/**
 * A model's vocabulary (from its tokenizer.json) and the nearest-word suggestions shown for words
 * the teaching translator does not know.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Levenshtein edit distance (insertions, deletions, substitutions each cost 1), case-sensitive.
 * Two rows of the dynamic-programming table: O(|a|·|b|) time, O(|b|) memory.
 */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]!
}

/**
 * The `count` vocabulary words nearest to `word` by edit distance, ties broken by vocabulary order
 * (the translator's vocabulary is sorted by frequency, so common words win). A case-only
 * difference counts as distance 0.5 so "she" suggests "She" first. Special tokens (`<…>`) are skipped.
 */
export function nearestWords(word: string, vocab: readonly string[], count = 3): string[] {
  const lower = word.toLowerCase()
  const scored: { w: string; d: number; i: number }[] = []
  vocab.forEach((w, i) => {
    if (/^<.*>$/.test(w) || w === word) return
    const d = w.toLowerCase() === lower ? 0.5 : editDistance(lower, w.toLowerCase())
    if (d <= Math.max(2, Math.ceil(word.length / 2))) scored.push({ w, d, i })
  })
  return scored
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, count)
    .map((s) => s.w)
}

const cache = new Map<string, Promise<string[]>>()

/**
 * Vocabulary of a word-level (or any `model.vocab`) tokenizer.json, indexed by token ID.
 * @throws Error if the file is missing or has no `model.vocab` object
 */
export function readVocab(modelDir: string): Promise<string[]> {
  let p = cache.get(modelDir)
  if (!p) {
    p = readFile(join(modelDir, 'tokenizer.json'), 'utf8').then((text) => {
      const vocab = (JSON.parse(text) as { model?: { vocab?: Record<string, number> } }).model?.vocab
      if (!vocab || typeof vocab !== 'object') throw new Error(`${modelDir}/tokenizer.json has no model.vocab`)
      const out: string[] = []
      for (const [w, id] of Object.entries(vocab)) out[id] = w
      return out
    })
    cache.set(modelDir, p)
    p.catch(() => cache.delete(modelDir))
  }
  return p
}
