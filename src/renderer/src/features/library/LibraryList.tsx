import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import type { LibraryInfo } from '@shared/contract/library'
import { useStore } from '../../stores'
import { createLibrary } from './actions'
import { DocumentList } from './DocumentList'
import { LibraryActions } from './LibraryActions'

function Row({ lib, selected }: { lib: LibraryInfo; selected: boolean }): ReactNode {
  const { t } = useTranslation()
  const setLibrary = useStore((s) => s.setLibrary)
  return (
    <li className={`lib-row${selected ? ' selected' : ''}`} data-testid="library-row" data-name={lib.name} data-chunks={lib.chunks} data-documents={lib.documents} data-state={lib.state}>
      <button type="button" className="lib-select" aria-current={selected ? 'true' : undefined} onClick={() => setLibrary({ selectedId: lib.id })}>
        <strong>{lib.name}</strong>
        <span className="muted">
          {t('library.list.counts', { documents: lib.documents, chunks: lib.chunks })} · {lib.modelId === 'imported' ? t('library.list.imported') : lib.modelId}
        </span>
        {lib.state !== 'ready' && <span className="lib-state">{t(`library.list.state.${lib.state}`)}</span>}
      </button>
    </li>
  )
}

/** Every library, a form to make a new one, and the selected one's actions. */
export function LibraryList(): ReactNode {
  const { t } = useTranslation()
  const { libraries, selectedId } = useStore(useShallow((s) => ({ libraries: s.library.libraries, selectedId: s.library.selectedId })))
  const [name, setName] = useState('')
  const selected = libraries?.find((l) => l.id === selectedId) ?? null
  const create = async (): Promise<void> => {
    if (await createLibrary(name.trim())) setName('')
  }
  return (
    <aside className="lib-list card" aria-label={t('library.list.title')}>
      <h2>{t('library.list.title')}</h2>
      {libraries && libraries.length === 0 && <p className="muted">{t('library.list.empty')}</p>}
      <ul data-testid="library-list">
        {libraries?.map((l) => <Row key={l.id} lib={l} selected={l.id === selectedId} />)}
      </ul>
      <form
        className="lib-create"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) void create()
        }}
      >
        <input aria-label={t('library.list.newName')} placeholder={t('library.list.newName')} data-testid="library-new-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <button type="submit" data-testid="library-create" disabled={!name.trim()}>
          {t('library.list.create')}
        </button>
      </form>
      {selected && <LibraryActions key={selected.id} lib={selected} />}
      {selected && selected.documents > 0 && <DocumentList key={`docs-${selected.id}`} library={selected} />}
    </aside>
  )
}
