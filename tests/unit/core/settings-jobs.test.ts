import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EventBus } from '../../../src/core/events'
import { JobRegistry } from '../../../src/core/jobs/jobs'
import { SettingsStore } from '../../../src/core/settings/settings'
import { AppError } from '../../../src/shared/errors'
import type { JobInfo } from '../../../src/shared/types'
import { tempDir, until } from '../helpers'

describe('settings', () => {
  const tmp = tempDir()
  afterEach(() => tmp.cleanup())

  it('starts from defaults, persists a patch, and survives a corrupt file', async () => {
    const store = new SettingsStore(tmp.dir)
    expect(await store.get()).toEqual({ language: 'system', theme: 'system' })
    expect(await store.set({ language: 'zh-CN' })).toEqual({ language: 'zh-CN', theme: 'system' })
    expect(JSON.parse(readFileSync(join(tmp.dir, 'settings.json'), 'utf8'))).toEqual({ language: 'zh-CN', theme: 'system' })
    writeFileSync(join(tmp.dir, 'settings.json'), '{"language": "klingon"')
    expect(await store.get()).toEqual({ language: 'system', theme: 'system' })
    expect(existsSync(join(tmp.dir, 'settings.json.bad'))).toBe(true)
    await expect(store.set({ theme: 'neon' as 'dark' })).rejects.toThrow()
  })
})

describe('jobs', () => {
  it('reports progress, completion, failure and cancellation on the bus', async () => {
    const bus = new EventBus()
    const updates: JobInfo[] = []
    bus.subscribe((event, payload) => {
      if (event === 'job:update') updates.push(payload as JobInfo)
    })
    const jobs = new JobRegistry(bus, 0)
    const ok = jobs.start('jobs.selfTest', async (c) => {
      c.progress('work', 1, 2)
      c.progress('work', 2, 2)
    })
    const bad = jobs.start('jobs.selfTest', async () => {
      throw new Error('disk full')
    })
    const slow = jobs.start('jobs.selfTest', (c) => new Promise((_, reject) => c.signal.addEventListener('abort', () => reject(new AppError('CANCELLED', 'x')))))
    expect(jobs.cancel(slow.id)).toBe(true)
    expect(jobs.cancel('no-such-job')).toBe(false)
    await until(() => jobs.list().every((j) => j.state !== 'running'))
    const byId = Object.fromEntries(jobs.list().map((j) => [j.id, j]))
    expect(byId[ok.id]).toMatchObject({ state: 'done', done: 2, total: 2 })
    expect(byId[bad.id]).toMatchObject({ state: 'failed', error: 'disk full' })
    expect(byId[slow.id]).toMatchObject({ state: 'cancelled', error: null })
    expect(updates.filter((u) => u.id === ok.id).map((u) => u.done)).toEqual([0, 1, 2, 2])
  })
})
