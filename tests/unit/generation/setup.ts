// Shared by the generation tests: a real model host and the core's generation handlers on it.
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { CoreContext } from '../../../src/core/context'
import { EventBus } from '../../../src/core/events'
import { createGenerationHandlers } from '../../../src/core/generation/handlers'
import type { ModelHost } from '../../../src/core/host/host'
import { ROOT, realHost, tempDir } from '../helpers'

/** resources/corpora of the repository (the toy world's presets and fact sheet). */
export const CORPORA = join(ROOT, 'resources/corpora')

/**
 * Starts a real model host and the generation handlers before the file's tests and stops them
 * after; call at the top level of a test file. Getters, because both exist only once beforeAll ran.
 */
export function useGenerationHandlers(): { bus: EventBus; handlers: () => ReturnType<typeof createGenerationHandlers>; host: () => ModelHost } {
  const tmp = tempDir()
  const bus = new EventBus()
  let host: ModelHost | undefined
  let handlers: ReturnType<typeof createGenerationHandlers> | undefined
  beforeAll(() => {
    host = realHost(tmp.dir)
    handlers = createGenerationHandlers({ host, bus, modelsDir: join(ROOT, 'resources/models'), corporaDir: CORPORA } as unknown as CoreContext)
  })
  afterAll(() => {
    host?.stop()
    tmp.cleanup()
  })
  return {
    bus,
    handlers: () => handlers ?? raise('generation handlers used before beforeAll'),
    host: () => host ?? raise('model host used before beforeAll')
  }
}

function raise(message: string): never {
  throw new Error(message)
}
