/** Builds the renderer alone for the harness (`npm run web`, e2e tests) into dist-web/. */
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') } },
  build: { outDir: resolve('dist-web'), emptyOutDir: true, chunkSizeWarningLimit: 4000 }
})
