/**
 * The library section: the user's libraries (create, rename, delete, re-embed), the import flow
 * (files, folders, pasted text → encodings and fields → chunking → preview → embedding job), and
 * the selected library's embedding space (part B's explorer, mounted in the marked slot).
 */
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { EmptyState } from '../../app/EmptyState'
import { ErrorBoundary } from '../../app/ErrorBoundary'
import { api } from '../../lib/api'
import { useStore } from '../../stores'
import { loadModels, refreshLibraries } from './actions'
import { ImportPanel } from './ImportPanel'
import { LibraryList } from './LibraryList'
import { SpaceExplorer } from './space'
import './library.css'

/** Keeps the slice in step with the Node side's library list while the view is open. */
function useLibraryEvents(): void {
  useEffect(() => {
    void refreshLibraries()
    void loadModels()
    const offChanged = api().on('library:changed', (libraries) => {
      const { library, setLibrary } = useStore.getState()
      const keep = libraries.some((l) => l.id === library.selectedId)
      setLibrary({ libraries, selectedId: keep ? library.selectedId : (libraries[0]?.id ?? null) })
    })
    return offChanged
  }, [])
}

/**
 * Listens for import reports for the app's whole life (called once from main.tsx), so an import
 * that finishes while the student is in another section still clears the staged files and shows
 * its outcome on return — instead of inviting a second, duplicate import.
 */
export function listenForImportReports(): () => void {
  return api().on('library:importReport', (report) => {
    const { library, setLibrary } = useStore.getState()
    if (report.jobId !== library.jobId) return
    // A finished import used the staged files; a failed one keeps them for another try.
    setLibrary(report.state === 'done' ? { report, files: [], preview: null, refused: [] } : { report })
  })
}

export function LibraryView(): ReactNode {
  const { t } = useTranslation()
  useLibraryEvents()
  // Only what this view shows: staging, preview and job state do not re-render the whole section.
  const { libraries, selectedId, error } = useStore(useShallow((s) => ({ libraries: s.library.libraries, selectedId: s.library.selectedId, error: s.library.error })))
  const selected = libraries?.find((l) => l.id === selectedId) ?? null
  return (
    <section className="page lib-page" data-testid="section-library">
      <h1>{t('nav.library')}</h1>
      {error && (
        <p className="error" role="alert" data-testid="library-error">
          {error}
        </p>
      )}
      <div className="lib-layout">
        <LibraryList />
        <div className="lib-main">
          {libraries && libraries.length === 0 && <EmptyState title={t('library.emptyTitle')} body={t('library.emptyBody')} testId="library-empty" />}
          {selected && <ImportPanel key={selected.id} library={selected} />}
          {/* ── Part B slot: the embedding-space explorer of the selected library (features/library/space). ── */}
          {selected && selected.chunks > 0 && selected.state !== 'importing' && (
            // Its own boundary: if the explorer fails, the library and import stay usable.
            <ErrorBoundary resetKey={selected.id}>
              <SpaceExplorer key={`${selected.id}:${selected.modelId}:${selected.chunks}`} libraryId={selected.id} />
            </ErrorBoundary>
          )}
          {selected && selected.chunks === 0 && selected.state === 'ready' && <p className="muted">{t('library.noChunks')}</p>}
        </div>
      </div>
    </section>
  )
}
