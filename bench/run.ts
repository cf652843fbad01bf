/**
 * `npm run bench`: runs every benchmark in this folder and prints a Markdown table.
 * Benchmarks measure ratios in one run (never absolute targets in tests).
 */
import { generationBench } from './generation'
import { hostRoundTrip } from './host-roundtrip'
import { importBench } from './import'
import { importUiBench } from './import-ui'
import { spaceBench } from './space'

const rows = [await hostRoundTrip(), await importBench(), ...(await importUiBench()), await generationBench(), ...(await spaceBench())]
console.log('| benchmark | result |\n|---|---|')
for (const r of rows) console.log(`| ${r.name} | ${r.result} |`)
