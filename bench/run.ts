/**
 * `npm run bench`: runs every benchmark in this folder and prints a Markdown table.
 * Benchmarks measure ratios in one run (never absolute targets in tests).
 */
import { hostRoundTrip } from './host-roundtrip'

const rows = [await hostRoundTrip()]
console.log('| benchmark | result |\n|---|---|')
for (const r of rows) console.log(`| ${r.name} | ${r.result} |`)
