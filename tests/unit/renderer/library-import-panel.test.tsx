// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LibraryInfo, StagedFile } from '../../../src/shared/contract/library'
import { initI18n } from '../../../src/renderer/src/app/i18n'
import { ImportPanel } from '../../../src/renderer/src/features/library/ImportPanel'
import { initialStoreState, useStore } from '../../../src/renderer/src/stores'

// formatBytes runs once per staged-file row render (its size cell): counting its calls counts row renders.
const rowRenders = vi.hoisted(() => ({ n: 0 }))
vi.mock('../../../src/renderer/src/lib/format', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/renderer/src/lib/format')>()
  return { ...real, formatBytes: (bytes: number) => (rowRenders.n++, real.formatBytes(bytes)) }
})

const library = (chunks: number): LibraryInfo => ({ id: 'lib1', name: 'Notes', modelId: 'm', dim: 512, documents: 3, chunks, createdAt: 0, updatedAt: 0, state: 'importing', sample: false })

const staged = (i: number): StagedFile => ({
  fileId: `f${i}`,
  name: `notebook-${i}.txt`,
  bytes: 1_048_576,
  format: 'txt',
  encoding: { encoding: 'utf-8', confidence: 100, candidates: [], bom: false },
  fields: [],
  suggestedTextField: null,
  sample: `Notebook ${i}: garden and other things`,
  problems: []
})

describe('import panel during an import', () => {
  beforeAll(async () => {
    await initI18n('en')
  })
  beforeEach(() => {
    useStore.setState(initialStoreState, true)
    rowRenders.n = 0
  })
  afterEach(cleanup)

  it('re-renders neither the staged files for progress reports nor for chunk-count updates', () => {
    vi.useFakeTimers()
    try {
      const files = [1, 2, 3].map((i) => ({ staged: staged(i), spec: { fileId: `f${i}` } }))
      useStore.getState().setLibrary({ selectedId: 'lib1', files, jobId: 'j1' })
      const job = { id: 'j1', kind: 'library.jobs.import', state: 'running' as const, stage: 'embed', startedAt: 0, error: null }
      const report = (at: number, done: number): void => {
        vi.setSystemTime(at)
        act(() => useStore.getState().upsertJob({ ...job, done, total: 1000 }))
      }
      report(0, 100)
      const { rerender } = render(<ImportPanel library={library(0)} />)
      expect(screen.getAllByTestId('library-file')).toHaveLength(3)
      expect(rowRenders.n).toBe(3)

      // Ten progress reports and a new chunk count from the library list, as during an import.
      for (let k = 1; k <= 10; k++) report(k * 1000, 100 + 30 * k)
      rerender(<ImportPanel library={library(400)} />)
      expect(rowRenders.n).toBe(3)
      // The job line still follows every report: 300 chunks in 10 s → 30/s; 600 left → 20 s.
      expect(screen.getByTestId('library-job-count').textContent).toBe('400 / 1000')
      expect(screen.getByTestId('library-job-eta').textContent).toBe('about 0:20 left')

      // A change to one file re-renders that row only.
      act(() => useStore.getState().setLibrary({ files: [{ ...files[0]!, staged: { ...staged(1), bytes: 2048 } }, files[1]!, files[2]!] }))
      expect(rowRenders.n).toBe(4)
      expect(screen.getAllByTestId('library-file')[0]!.textContent).toContain('2.0 KB')
    } finally {
      vi.useRealTimers()
    }
  })
})
