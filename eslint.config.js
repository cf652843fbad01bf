// Lint, including the runtime layers of ARCHITECTURE.md: which folder may import which.
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const electronBan = { name: 'electron', message: 'Only src/main and src/preload may import electron (it cannot run on build machines).' }
const nodeBan = { group: ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto', 'worker_threads'], message: 'This layer runs in the browser or is pure: no Node modules.' }
const layer = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] }
})

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'dist-web', 'release', 'tools/models/.venv', 'test-results', 'playwright-report', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] }
  },
  { files: ['src/renderer/**/*.{ts,tsx}', 'tests/unit/renderer/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  { files: ['.ci/summary.mjs'], rules: { 'no-control-regex': 'off' } },
  // shared: pure TypeScript, nothing but itself and zod.
  layer(['src/shared/**'], {
    paths: [electronBan],
    patterns: [nodeBan, { group: ['../core/*', '../worker/*', '../main/*', '../preload/*', '../renderer/*', '../harness/*', 'react', 'three'], message: 'shared imports nothing but itself (and zod).' }]
  }),
  // core and worker: Node, never electron or renderer.
  layer(['src/core/**', 'src/worker/**'], {
    paths: [electronBan],
    patterns: [{ group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/harness/**'], message: 'core/worker may import shared and Node only.' }]
  }),
  // harness: shared + core, never electron.
  layer(['src/harness/**'], { paths: [electronBan], patterns: [{ group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'harness may import shared and core only.' }] }),
  // main and preload: may use electron, never the renderer.
  layer(['src/main/**', 'src/preload/**'], { patterns: [{ group: ['**/renderer/**'], message: 'main/preload never import the renderer.' }] }),
  // renderer: shared only; no electron, no Node, no core.
  layer(['src/renderer/**'], {
    paths: [electronBan],
    patterns: [nodeBan, { group: ['**/core/**', '**/worker/**', '**/main/**', '**/preload/**', '**/harness/**'], message: 'The renderer talks to the Node side only through window.api (lib/api.ts).' }]
  }),
  // Tests, tools and benches: anything but electron (except the one _electron e2e spec, which imports Playwright only).
  layer(['tests/**', 'bench/**', 'tools/**'], { paths: [electronBan] })
)
