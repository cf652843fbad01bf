import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { LibraryInfo } from '@shared/contract/library'
import { useStore } from '../../stores'
import { deleteLibrary, reembedLibrary, renameLibrary } from './actions'

/** Rename, re-embed with another model, delete (after a confirmation naming what is lost). */
export function LibraryActions({ lib }: { lib: LibraryInfo }): ReactNode {
  const { t } = useTranslation()
  const models = useStore((s) => s.library.models)
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete' | 'reembed'>('idle')
  const [name, setName] = useState(lib.name)
  const [model, setModel] = useState(models.find((m) => m.id !== lib.modelId)?.id ?? lib.modelId)
  const busy = lib.state === 'importing'
  return (
    <div className="lib-actions-box" data-testid="library-actions">
      {mode === 'idle' && (
        <div>
          <button type="button" className="link" data-testid="library-rename" onClick={() => (setName(lib.name), setMode('rename'))}>
            {t('library.actions.rename')}
          </button>
          <button type="button" className="link" data-testid="library-reembed" disabled={busy || lib.modelId === 'imported' || models.length === 0} onClick={() => setMode('reembed')}>
            {t('library.actions.reembed')}
          </button>
          <button type="button" className="link danger" data-testid="library-delete" disabled={busy} onClick={() => setMode('delete')}>
            {t('library.actions.delete')}
          </button>
        </div>
      )}
      {mode === 'rename' && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (name.trim()) void renameLibrary(lib.id, name.trim()).then(() => setMode('idle'))
          }}
        >
          <input aria-label={t('library.actions.newName')} data-testid="library-rename-input" value={name} maxLength={200} autoFocus onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setMode('idle')} />
          <button type="submit" data-testid="library-rename-save" disabled={!name.trim()}>
            {t('library.actions.save')}
          </button>
          <button type="button" className="link" onClick={() => setMode('idle')}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {mode === 'reembed' && (
        <div>
          <p>{t('library.actions.reembedExplain', { chunks: lib.chunks })}</p>
          <select aria-label={t('library.actions.model')} value={model} onChange={(e) => setModel(e.target.value)}>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id} ({m.dim})
              </option>
            ))}
          </select>
          <button type="button" data-testid="library-reembed-start" onClick={() => void reembedLibrary(lib.id, model).then(() => setMode('idle'))}>
            {t('library.actions.reembedStart')}
          </button>
          <button type="button" className="link" onClick={() => setMode('idle')}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {mode === 'delete' && (
        <div role="alertdialog" aria-label={t('library.actions.delete')} data-testid="library-delete-confirm">
          <p>{t('library.actions.deleteConfirm', { name: lib.name, documents: lib.documents, chunks: lib.chunks })}</p>
          <button type="button" className="danger" data-testid="library-delete-yes" onClick={() => void deleteLibrary(lib.id).then(() => setMode('idle'))}>
            {t('library.actions.deleteYes')}
          </button>
          <button type="button" className="link" autoFocus onClick={() => setMode('idle')}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </div>
  )
}
