import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const alias = { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // The model host is a second entry: started by utilityProcess.fork from out/main/worker.js.
        input: { index: resolve('src/main/index.ts'), worker: resolve('src/worker/main.ts'), 'projection-worker': resolve('src/core/projection/worker.ts') }
      }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload cannot require npm modules, so zod is bundled in, and it must be CommonJS.
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias },
    plugins: [react()],
    build: { rollupOptions: { input: resolve('src/renderer/index.html') } }
  }
})
