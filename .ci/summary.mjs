// Reads the output of `npm test` and prints one plain line: "tests: N passed, N failed, N skipped",
// summing Vitest's "Tests  X passed | Y failed" lines and Playwright's "N passed / N failed / N skipped".
import { readFileSync } from 'node:fs'

const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '')
let passed = 0
let failed = 0
let skipped = 0
for (const line of text.split('\n')) {
  const vitest = line.match(/^\s*Tests\s+(.*)\(\d+\)\s*$/)
  if (vitest) {
    passed += Number(vitest[1].match(/(\d+) passed/)?.[1] ?? 0)
    failed += Number(vitest[1].match(/(\d+) failed/)?.[1] ?? 0)
    skipped += Number(vitest[1].match(/(\d+) skipped/)?.[1] ?? 0)
    continue
  }
  const pw = line.match(/^\s{2}(\d+) (passed|failed|skipped|flaky)( \(.*\))?\s*$/)
  if (pw) {
    const n = Number(pw[1])
    if (pw[2] === 'passed' || pw[2] === 'flaky') passed += n
    else if (pw[2] === 'failed') failed += n
    else skipped += n
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
