/** Handlers of the library feature's channels (src/shared/contract/library.ts). */
import type { HandlersOf } from '../../shared/contract/channel'
import type { libraryContract } from '../../shared/contract/library'
import type { CoreContext } from '../context'
import { listEmbeddingModels } from './models'
import { ensureSampleLibrary } from './sample'
import { LibraryService } from './service'

export function createLibraryHandlers(ctx: CoreContext): HandlersOf<typeof libraryContract> {
  const service = new LibraryService(ctx)
  // Start-up: finish interrupted jobs first, then (first start only) make the sample library.
  void service
    .resumeAll()
    .then(() => ensureSampleLibrary(service, ctx.corporaDir, ctx.options.userDataDir))
    .catch((e: unknown) => console.error('library start-up:', e))
  return {
    'library:list': () => service.list(),
    'library:create': (r) => service.create(r.name, r.modelId),
    'library:rename': (r) => service.rename(r.id, r.name),
    'library:delete': (r) => service.delete(r.id),
    'library:reembed': (r) => service.reembed(r.id, r.modelId),
    'library:documents': async (r) => (await (await service.store()).documents(r.id)).map((d) => ({ ...d, libraryId: r.id, format: d.format as never })),
    'library:models': () => listEmbeddingModels(ctx.modelsDir),
    'library:stage': (r) => service.staging.add(r.files),
    'library:restage': (r) => service.staging.restage(r.fileId, r.encoding),
    'library:unstage': async (r) => {
      service.staging.remove(r.fileIds)
      return true
    },
    'library:preview': (r) => service.preview(r.libraryId, r.files, r.chunking),
    'library:import': (r) => service.import(r.libraryId, r.files, r.chunking)
  }
}
