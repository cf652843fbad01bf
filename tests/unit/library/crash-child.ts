/**
 * Run as a separate process by resume.test.ts: starts a large import and prints
 * `COMMITTED <chunks in LanceDB> <chunks planned> <libraryId>` as soon as a batch is committed,
 * so the test can SIGKILL it between batches.
 * Usage: node --import tsx crash-child.ts <userDataDir>
 */
import { LibraryService } from '../../../src/core/library/service'
import { DEFAULT_CHUNKING } from '../../../src/shared/contract/library'
import { libraryContext, prose, TINY, utf8 } from './context'

const dir = process.argv[2] as string
const ctx = libraryContext(dir)
const service = new LibraryService(ctx)
const store = await service.store()
const lib = await service.create('Big', TINY)
const staged = await service.staging.add([{ name: 'big.txt', bytes: utf8(prose(900)) }])
let total = 0
ctx.bus.subscribe((event, payload) => {
  const job = payload as { stage: string; total: number }
  if (event === 'job:update' && job.stage === 'embed') total = job.total
})
const poll = setInterval(() => {
  void store.countChunks(lib.id).then((n) => {
    if (n > 0) {
      clearInterval(poll)
      process.stdout.write(`COMMITTED ${n} ${total} ${lib.id}\n`)
    }
  })
}, 10)
await service.import(lib.id, staged.map((s) => ({ fileId: s.fileId })), { ...DEFAULT_CHUNKING, mode: 'sentence' })
