import { afterEach, describe, expect, it } from 'vitest'
import { LibraryService } from '../../../src/core/library/service'
import type { CoreContext } from '../../../src/core/context'
import { DEFAULT_CHUNKING, type ImportReport } from '../../../src/shared/contract/library'
import { tempDir } from '../helpers'
import { jobEnd, libraryContext, prose, TINY, utf8 } from './context'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function setup(): { ctx: CoreContext; service: LibraryService; dir: string } {
  const { dir, cleanup } = tempDir()
  const ctx = libraryContext(dir)
  cleanups.push(() => {
    ctx.host.stop()
    cleanup()
  })
  return { ctx, service: new LibraryService(ctx), dir }
}

describe('import through the model host (tiny fixture model)', () => {
  it('stages, previews, imports and stores normalised vectors; reports bad files without stopping', async () => {
    const { ctx, service } = setup()
    const lib = await service.create('Test', TINY)
    const reports: ImportReport[] = []
    ctx.bus.subscribe((e, p) => e === 'library:importReport' && reports.push(p as ImportReport))
    const staged = await service.staging.add([
      { name: 'a.txt', bytes: utf8(prose(40)) },
      { name: 'b.md', bytes: utf8('# Title\n\nA paragraph about attention.\n\nA paragraph about attention.\n\nAnother one.') },
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      { name: 'pic.png', bytes: new Uint8Array([137, 80, 78, 71]) }
    ])
    expect(staged.map((s) => s.problems.map((p) => p.code))).toEqual([[], [], ['EMPTY'], ['UNSUPPORTED']])
    const specs = staged.map((s) => ({ fileId: s.fileId }))
    const preview = await service.preview(lib.id, specs, { ...DEFAULT_CHUNKING, mode: 'sentence' })
    expect(preview.duplicates).toBe(1)
    expect(preview.files.map((f) => f.problems.map((p) => p.code))).toEqual([[], [], ['EMPTY'], ['UNSUPPORTED']])
    expect(preview.tokens.counts.reduce((a, b) => a + b, 0)).toBe(preview.chunks)
    expect(preview.maxTokens).toBe(128 - 2)

    const job = await service.import(lib.id, specs, { ...DEFAULT_CHUNKING, mode: 'sentence' })
    const end = await jobEnd(ctx, job.id)
    expect(end.state).toBe('done')
    expect(reports[0]?.files.find((f) => f.name === 'b.md')?.chunks).toBe(3)
    const store = await service.store()
    const v = await store.vectors(lib.id)
    expect(v.ids.length).toBe(preview.chunks)
    expect(v.dim).toBe(32)
    for (let i = 0; i < v.ids.length; i++) {
      const row = v.vectors.subarray(i * 32, (i + 1) * 32)
      expect(Math.hypot(...row)).toBeCloseTo(1, 4)
    }
    const chunks = await store.chunks(lib.id, v.ids.slice(0, 3))
    expect(chunks[0]?.text).toBe('The student reads sentence number 0 about tokens and vectors.')
    expect((await service.list())[0]).toMatchObject({ documents: 2, chunks: preview.chunks, state: 'ready' })
  })

  it('a library made for a job about to start is listed as importing, never as empty and ready', async () => {
    const { ctx, service } = setup()
    const lib = await service.create('Sample', TINY, true, true)
    expect((await service.list()).find((l) => l.id === lib.id)?.state).toBe('importing')
    const staged = await service.staging.add([{ name: 'a.txt', bytes: utf8(prose(5)) }])
    const job = await service.import(lib.id, staged.map((s) => ({ fileId: s.fileId })), DEFAULT_CHUNKING)
    expect((await service.list()).find((l) => l.id === lib.id)?.state).toBe('importing')
    await jobEnd(ctx, job.id)
    const after = (await service.list()).find((l) => l.id === lib.id)!
    expect(after.state).toBe('ready')
    expect(after.chunks).toBeGreaterThan(0)
    const other = await service.create('Never imported', TINY, false, true)
    service.importAborted(other.id)
    expect((await service.list()).find((l) => l.id === other.id)?.state).toBe('ready')
  })

  it('skips a file already imported, and re-embeds a library into a new generation', async () => {
    const { ctx, service } = setup()
    const lib = await service.create('Again', TINY)
    const add = async (): Promise<{ fileId: string }[]> => (await service.staging.add([{ name: 'a.txt', bytes: utf8(prose(10)) }])).map((s) => ({ fileId: s.fileId }))
    expect((await jobEnd(ctx, (await service.import(lib.id, await add(), DEFAULT_CHUNKING)).id)).state).toBe('done')
    const before = await (await service.store()).vectors(lib.id)
    const again = await service.preview(lib.id, await add(), DEFAULT_CHUNKING)
    expect(again.files[0]?.problems.map((p) => p.code)).toEqual(['ALREADY_IMPORTED'])
    const re = await service.reembed(lib.id, TINY)
    expect((await jobEnd(ctx, re.id)).state).toBe('done')
    const after = await (await service.store()).vectors(lib.id)
    expect([...after.ids].sort()).toEqual([...before.ids].sort())
    expect(after.dim).toBe(32)
  })
})

describe('cancel and brought-in vectors', () => {
  it('a cancelled import removes what it had added and keeps what was there before', async () => {
    const { ctx, service, dir } = setup()
    const lib = await service.create('Keep', TINY)
    const first = await service.staging.add([{ name: 'first.txt', bytes: utf8('Kept paragraph one.\n\nKept paragraph two.') }])
    expect((await jobEnd(ctx, (await service.import(lib.id, [{ fileId: first[0]!.fileId }], DEFAULT_CHUNKING)).id)).state).toBe('done')
    const big = await service.staging.add([{ name: 'big.txt', bytes: utf8(prose(600)) }])
    const store = await service.store()
    const job = await service.import(lib.id, [{ fileId: big[0]!.fileId }], { ...DEFAULT_CHUNKING, mode: 'sentence' })
    // Cancel once a batch of the new import is committed.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => void store.countChunks(lib.id).then((n) => n > 2 && (clearInterval(poll), resolve())), 20)
    })
    await ctx.jobs.cancel(job.id)
    expect((await jobEnd(ctx, job.id)).state).toBe('cancelled')
    expect((await store.chunks(lib.id)).map((c) => c.text)).toEqual(['Kept paragraph one.', 'Kept paragraph two.'])
    expect((await store.documents(lib.id)).map((d) => d.name)).toEqual(['first.txt'])
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(`${dir}/libraries/jobs`).filter((n) => n.endsWith('.json'))).toEqual([])
  }, 60_000)

  it('imports a Projector vectors + metadata pair without embedding', async () => {
    const { ctx, service } = setup()
    const lib = await service.create('Own vectors', TINY)
    const staged = await service.staging.add([
      { name: 'p/vectors.tsv', bytes: utf8('3\t4\t0\n0\t0\t2\n') },
      { name: 'p/metadata.tsv', bytes: utf8('label\tlang\ncat\ten\n猫\tzh\n') }
    ])
    const preview = await service.preview(lib.id, staged.map((s) => ({ fileId: s.fileId })), DEFAULT_CHUNKING)
    expect(preview.chunks).toBe(2)
    expect((await jobEnd(ctx, (await service.import(lib.id, staged.map((s) => ({ fileId: s.fileId })), DEFAULT_CHUNKING)).id)).state).toBe('done')
    const store = await service.store()
    const v = await store.vectors(lib.id)
    expect(v).toMatchObject({ dim: 3, modelId: 'imported' })
    expect(Array.from(v.vectors)).toEqual([0.6, 0.8, 0, 0, 0, 1].map(Math.fround))
    expect((await store.chunks(lib.id)).map((c) => [c.text, c.meta.lang])).toEqual([['cat', 'en'], ['猫', 'zh']])
  })
})
