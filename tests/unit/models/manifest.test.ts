import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listBundledModels } from '../../../src/core/models/registry'
import { ROOT } from '../helpers'

const MODELS = join(ROOT, 'resources/models')
const MAX_FILE_BYTES = 50 * 1024 * 1024

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

describe('bundled models manifest', async () => {
  const models = await listBundledModels(MODELS)

  it('lists every model folder, and only those', () => {
    const folders = readdirSync(MODELS).filter((n) => statSync(join(MODELS, n)).isDirectory()).sort()
    expect(models.map((m) => m.id).sort()).toEqual(folders)
    expect(models.length).toBeGreaterThanOrEqual(1)
  })

  for (const model of models) {
    it(`${model.id}: every file matches its SHA-256 and size, and nothing is unlisted`, () => {
      const dir = join(MODELS, model.id)
      for (const f of model.files) {
        const bytes = readFileSync(join(dir, f.path))
        expect(bytes.byteLength, f.path).toBe(f.bytes)
        expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256)
        expect(f.bytes, `${f.path} must be ≤ 50 MB`).toBeLessThanOrEqual(MAX_FILE_BYTES)
      }
      const onDisk = filesUnder(dir).map((p) => relative(dir, p)).filter((p) => p !== 'model-card.json').sort()
      expect(onDisk).toEqual(model.files.map((f) => f.path).sort())
    })

    it(`${model.id}: has a licence, a source and the script that made it`, () => {
      expect(model.licence.length).toBeGreaterThan(1)
      expect(model.source.length).toBeGreaterThan(3)
      expect(existsSync(join(ROOT, model.script)), model.script).toBe(true)
      expect(existsSync(join(MODELS, model.id, 'config.json'))).toBe(true)
    })
  }
})
