import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { LibraryInfo } from '@shared/contract/library'
import { useStore } from '../../stores'
import { clearImport, importable, runPreview, startImport } from './actions'
import { ChunkingForm } from './ChunkingForm'
import { DropZone } from './DropZone'
import { JobProgress } from './JobProgress'
import { PreviewPanel } from './PreviewPanel'
import { StagedFiles } from './StagedFiles'

/**
 * Add files → check encodings and fields → choose chunking → preview → import. Folded away to one
 * button when the library already has chunks (the explorer below is then the main thing).
 * During an import `library` changes with every list update (chunk counts, about four a second):
 * the parts below take no props and are memoised, so they re-render only for their own state.
 */
export function ImportPanel({ library }: { library: LibraryInfo }): ReactNode {
  const { t } = useTranslation()
  const { files, preview, busy, jobId, report } = useStore(useShallow((s) => ({ files: s.library.files, preview: s.library.preview, busy: s.library.busy, jobId: s.library.jobId, report: s.library.report })))
  const running = useStore((s) => (jobId ? s.jobs[jobId]?.state === 'running' : false))
  const [open, setOpen] = useState(library.chunks === 0)
  const ok = importable(files)
  if (!open && files.length === 0 && !running && !report) {
    return (
      <div className="lib-import-closed">
        <button type="button" data-testid="library-import-open" onClick={() => setOpen(true)}>
          {t('library.import.open', { name: library.name })}
        </button>
      </div>
    )
  }
  return (
    <section className="card lib-import" data-testid="library-import" data-busy={busy ?? ''}>
      <h2>{t('library.import.title', { name: library.name })}</h2>
      <DropZone />
      {busy === 'staging' && <p className="muted">{t('library.import.reading')}</p>}
      <StagedFiles />
      {files.length > 0 && (
        <>
          <ChunkingForm />
          <div className="lib-actions">
            <button type="button" data-testid="library-preview-run" disabled={ok.length === 0 || busy !== null} onClick={() => void runPreview()}>
              {busy === 'preview' ? t('library.import.previewing') : t('library.import.preview')}
            </button>
            <button type="button" data-testid="library-import-start" disabled={!preview || preview.chunks === 0 || busy !== null || running} onClick={() => void startImport()}>
              {t('library.import.start', { count: preview?.chunks ?? 0 })}
            </button>
            <button type="button" className="link" onClick={() => void clearImport()}>
              {t('library.import.clear')}
            </button>
          </div>
          {!preview && ok.length > 0 && <p className="muted">{t('library.import.previewFirst')}</p>}
        </>
      )}
      <JobProgress />
      {files.length > 0 && <PreviewPanel />}
    </section>
  )
}
