import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { COMMIT_BATCH } from '../../../src/core/library/embedder'
import { LibraryService } from '../../../src/core/library/service'
import { tempDir } from '../helpers'
import { jobEnd, libraryContext, ROOT } from './context'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

/** Runs crash-child.ts and SIGKILLs it right after its first committed batch. */
function importAndKill(dir: string): Promise<{ done: number; total: number; libraryId: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/unit/library/crash-child.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /COMMITTED (\d+) (\d+) (\S+)/.exec(out)
      if (m && child.exitCode === null) {
        child.kill('SIGKILL') // the whole app dies: no cleanup code runs
        resolve({ done: Number(m[1]), total: Number(m[2]), libraryId: m[3] as string })
      }
    })
    child.on('exit', () => {
      clearTimeout(timer)
      if (!/COMMITTED/.test(out)) reject(new Error(`child ended before committing: ${out}`))
    })
  })
}

describe('an import killed between batches', () => {
  it('keeps every committed batch and resumes where it stopped on the next start', async () => {
    const killed = await importAndKill(tmp.dir)
    expect(killed.done).toBeGreaterThanOrEqual(COMMIT_BATCH)
    expect(killed.done).toBeLessThan(killed.total)
    // Its model host was a child of the killed process; give it no chance to matter.
    const ctx = libraryContext(tmp.dir)
    const service = new LibraryService(ctx)
    try {
      const store = await service.store()
      const committed = await store.vectors(killed.libraryId)
      // Whole batches only: the batch in flight is lost, nothing else.
      expect(committed.ids.length % COMMIT_BATCH).toBe(0)
      expect(committed.ids.length).toBeGreaterThanOrEqual(killed.done)
      expect(committed.ids.length).toBeLessThan(killed.total)
      expect(readdirSync(join(tmp.dir, 'libraries/jobs')).filter((n) => n.endsWith('.json'))).toHaveLength(1)
      expect((await service.list())[0]?.state).toBe('interrupted')

      const resumed = new Promise<string>((resolve) => ctx.bus.subscribe((e, p) => e === 'job:update' && (p as { kind: string }).kind === 'library.jobs.resume' && resolve((p as { id: string }).id)))
      const all = service.resumeAll()
      expect((await jobEnd(ctx, await resumed, 120_000)).state).toBe('done')
      await all
      const final = await store.vectors(killed.libraryId)
      expect(final.ids.length).toBe(killed.total)
      expect(new Set(final.ids).size).toBe(killed.total)
      // What was committed before the kill is still there, unchanged.
      const index = new Map(final.ids.map((id, i) => [id, i]))
      committed.ids.forEach((id, i) => {
        const j = index.get(id) as number
        expect(Array.from(final.vectors.subarray(j * 32, j * 32 + 32))).toEqual(Array.from(committed.vectors.subarray(i * 32, i * 32 + 32)))
      })
      expect(readdirSync(join(tmp.dir, 'libraries/jobs')).filter((n) => n.endsWith('.json'))).toHaveLength(0)
      expect((await service.list())[0]).toMatchObject({ state: 'ready', chunks: killed.total, documents: 1 })
    } finally {
      ctx.host.stop()
    }
  }, 180_000)
})
