import { memo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_FILE_BYTES } from '@shared/contract/library'
import { addFiles, addPastedText } from './actions'
import { droppedFiles } from './dropped'

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.pdf,.docx,.csv,.tsv,.json,.jsonl,.ndjson'

/** Where files come in: drop (files or folders), file picker, folder picker, or pasted text. */
export const DropZone = memo(function DropZone(): ReactNode {
  const { t } = useTranslation()
  const [over, setOver] = useState(false)
  const [text, setText] = useState('')
  const filePicker = useRef<HTMLInputElement>(null)
  const folderPicker = useRef<HTMLInputElement>(null)
  const fromInput = (input: HTMLInputElement): void => {
    const files = [...(input.files ?? [])]
    input.value = ''
    void addFiles(files)
  }
  return (
    <div className="lib-intake">
      <div
        className={`lib-drop${over ? ' over' : ''}`}
        data-testid="library-drop"
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault()
          setOver(false)
          void droppedFiles(e.dataTransfer).then(addFiles)
        }}
      >
        <p>{t('library.import.drop')}</p>
        <p className="muted">{t('library.import.formats', { mb: MAX_FILE_BYTES / 1048576 })}</p>
        <button type="button" data-testid="library-pick-files" onClick={() => filePicker.current?.click()}>
          {t('library.import.pickFiles')}
        </button>
        <button type="button" data-testid="library-pick-folder" onClick={() => folderPicker.current?.click()}>
          {t('library.import.pickFolder')}
        </button>
        <input ref={filePicker} type="file" multiple accept={ACCEPT} hidden data-testid="library-file-input" onChange={(e) => fromInput(e.currentTarget)} />
        <input
          ref={folderPicker}
          type="file"
          multiple
          hidden
          data-testid="library-folder-input"
          {...{ webkitdirectory: '', directory: '' }}
          onChange={(e) => fromInput(e.currentTarget)}
        />
      </div>
      <div className="lib-paste">
        <label htmlFor="lib-paste-text">{t('library.import.paste')}</label>
        <textarea id="lib-paste-text" data-testid="library-paste" rows={4} value={text} placeholder={t('library.import.pastePlaceholder')} onChange={(e) => setText(e.target.value)} />
        <button
          type="button"
          data-testid="library-paste-add"
          disabled={!text.trim()}
          onClick={() => {
            void addPastedText(text)
            setText('')
          }}
        >
          {t('library.import.pasteAdd')}
        </button>
      </div>
    </div>
  )
})
