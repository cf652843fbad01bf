// Adds lock entries for optional platform packages that this build machine's npm registry does not
// serve (LanceDB's macOS/Windows/arm64 binaries, a Windows-only helper of Vite). Without them
// `npm ci` refuses the lock as "out of sync". Each entry carries its os/cpu, so npm skips it on
// other platforms and fetches it by version where it applies. Idempotent; run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs'

const path = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(path, 'utf8'))
const lance = lock.packages['node_modules/@lancedb/lancedb']?.version
const entries = {
  'node_modules/@lancedb/lancedb-darwin-arm64': { version: lance, cpu: ['arm64'], os: ['darwin'], license: 'Apache-2.0', optional: true },
  'node_modules/@lancedb/lancedb-linux-arm64-gnu': { version: lance, cpu: ['arm64'], os: ['linux'], libc: ['glibc'], license: 'Apache-2.0', optional: true },
  'node_modules/@lancedb/lancedb-linux-arm64-musl': { version: lance, cpu: ['arm64'], os: ['linux'], libc: ['musl'], license: 'Apache-2.0', optional: true },
  'node_modules/@lancedb/lancedb-win32-arm64-msvc': { version: lance, cpu: ['arm64'], os: ['win32'], license: 'Apache-2.0', optional: true },
  'node_modules/@lancedb/lancedb-win32-x64-msvc': { version: lance, cpu: ['x64'], os: ['win32'], license: 'Apache-2.0', optional: true },
  'node_modules/napi-windows-process-start-time': { version: '0.1.0', os: ['win32'], license: 'MIT', dev: true, optional: true }
}
let added = 0
for (const [key, value] of Object.entries(entries)) {
  if (!lock.packages[key] && value.version) {
    lock.packages[key] = value
    added++
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
lock.packages = sorted
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n')
console.log(`fix-lock: added ${added} platform entries`)
