/**
 * Cluster labels from distinctive terms: a TF-IDF-style score per cluster. Latin text is split
 * into lower-case words; Chinese (Han characters, which have no spaces) into character bigrams.
 */

/** A few English function words that would otherwise label every cluster. */
const STOP = new Set(
  'the and for are but not you all any can had her was one our out has have from this that with they will would there their what when which who how its into than then them these those been were also more most such only other some very about your'.split(' ')
)

const HAN = /\p{Script=Han}+/gu
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu

/** Terms of one text: words of ≥ 3 letters (not stop words) and Han character bigrams. */
export function terms(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(HAN)) {
    const s = [...m[0]]
    if (s.length === 1) out.push(s[0]!)
    for (let i = 0; i + 1 < s.length; i++) out.push(s[i]! + s[i + 1]!)
  }
  for (const m of text.replace(HAN, ' ').matchAll(WORD)) {
    const w = m[0].toLowerCase()
    if (w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w)) out.push(w)
  }
  return out
}

/**
 * The `top` most distinctive terms of each cluster: score = (count in cluster / terms in cluster)
 * · log(1 + k / clusters containing the term). In a cluster of ≥ 4 texts, terms found in ≥ 2 of
 * them rank first (so one odd chunk does not name a cluster); others only fill the places left.
 * @param texts [n] texts; @param assignments [n] cluster of each text, 0…k−1.
 */
export function clusterTerms(texts: string[], assignments: ArrayLike<number>, k: number, top = 3): string[][] {
  const counts = Array.from({ length: k }, () => new Map<string, number>())
  const docFreq = Array.from({ length: k }, () => new Map<string, number>())
  const totals = new Array<number>(k).fill(0)
  const sizes = new Array<number>(k).fill(0)
  texts.forEach((text, i) => {
    const c = assignments[i]!
    sizes[c]!++
    const ts = terms(text)
    totals[c]! += ts.length
    for (const t of ts) counts[c]!.set(t, (counts[c]!.get(t) ?? 0) + 1)
    for (const t of new Set(ts)) docFreq[c]!.set(t, (docFreq[c]!.get(t) ?? 0) + 1)
  })
  const clustersWith = new Map<string, number>()
  for (const m of counts) for (const t of m.keys()) clustersWith.set(t, (clustersWith.get(t) ?? 0) + 1)
  return counts.map((m, c) => {
    const ranked = [...m]
      .map(([t, n]) => [t, (n / (totals[c]! || 1)) * Math.log(1 + k / clustersWith.get(t)!)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t]) => t)
    // Terms shared by several texts first; single-text terms only fill the remaining places.
    const shared = sizes[c]! >= 4 ? ranked.filter((t) => docFreq[c]!.get(t)! >= 2) : ranked
    return [...new Set([...shared, ...ranked])].slice(0, top)
  })
}
