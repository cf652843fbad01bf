/**
 * Configures transformers.js for local files only, inside the model host process
 * (transformers.js' `env` is per process; see ../shared/TRAPS.md, "transformers.js offline").
 */
import { env } from '@huggingface/transformers'

/**
 * @param modelsDir folder holding models in Hugging Face layout (`<modelsDir>/<id>/config.json`)
 * @param cacheDir the app's own cache folder; transformers.js' default lies inside node_modules,
 *                 where a same-named cached copy would silently win over the local model
 */
export function configureTransformers(modelsDir: string, cacheDir: string): void {
  env.allowRemoteModels = false
  env.allowLocalModels = true
  env.localModelPath = modelsDir.endsWith('/') ? modelsDir : `${modelsDir}/`
  env.cacheDir = cacheDir
  env.useFSCache = false
  env.useBrowserCache = false
}

/** The current settings, for the `env` op and for tests. */
export function describeTransformers(): {
  allowRemoteModels: boolean
  localModelPath: string
  cacheDir: string | null
  useFSCache: boolean
  version: string
} {
  return {
    allowRemoteModels: env.allowRemoteModels,
    localModelPath: env.localModelPath,
    cacheDir: env.cacheDir,
    useFSCache: env.useFSCache,
    version: env.version
  }
}
