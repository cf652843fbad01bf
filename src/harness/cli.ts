/**
 * `npm run web`: starts the harness on 127.0.0.1 and prints the URL (with its token) to open in
 * a browser. Options: --port N (default 5199), --user-data DIR (default $LLMX_USER_DATA or
 * ~/.llm-explorer-web).
 */
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startHarness } from './server'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const harness = await startHarness({
  userDataDir: resolve(arg('user-data') ?? process.env.LLMX_USER_DATA ?? join(homedir(), '.llm-explorer-web')),
  resourcesDir: join(root, 'resources'),
  webDir: join(root, 'dist-web'),
  workerEntry: join(root, 'src/worker/main.ts'),
  port: Number(arg('port') ?? 5199),
  version: process.env.npm_package_version
})
console.log(`LLM Explorer (browser session) is running.\nOpen: ${harness.url}\nPress Ctrl+C to stop.`)
const stop = (): void => {
  void harness.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
