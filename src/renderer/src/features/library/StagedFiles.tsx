import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { KNOWN_ENCODINGS, MAX_FILE_BYTES } from '@shared/contract/library'
import { formatBytes } from '../../lib/format'
import { useStore } from '../../stores'
import { removeFile, setEncoding, setSpec } from './actions'
import { Problems } from './Problems'
import type { ImportFile } from './slice'

function EncodingCell({ file }: { file: ImportFile }): ReactNode {
  const { t } = useTranslation()
  const enc = file.staged.encoding
  if (!enc) return <span className="muted">—</span>
  const options = [...new Set([enc.encoding, ...enc.candidates, ...KNOWN_ENCODINGS])]
  return (
    <label className="lib-enc">
      <select aria-label={t('library.files.encoding')} data-testid="library-encoding" value={enc.encoding} onChange={(e) => void setEncoding(file.spec.fileId, e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <span className="muted">{file.spec.encoding ? t('library.files.chosen') : enc.bom ? t('library.files.bom') : t('library.files.detected', { confidence: enc.confidence })}</span>
    </label>
  )
}

/** For CSV/TSV/JSON: which field holds the text, which become metadata. */
function FieldsCell({ file }: { file: ImportFile }): ReactNode {
  const { t } = useTranslation()
  const { fields } = file.staged
  if (fields.length === 0) return null
  const meta = new Set(file.spec.metaFields ?? [])
  return (
    <div className="lib-fields">
      <label>
        {t('library.files.textField')}{' '}
        <select data-testid="library-text-field" value={file.spec.textField ?? ''} onChange={(e) => setSpec(file.spec.fileId, { textField: e.target.value })}>
          {fields.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <span>{t('library.files.metaFields')}</span>
      {fields
        .filter((f) => f !== file.spec.textField)
        .map((f) => (
          <label key={f} className="lib-check">
            <input
              type="checkbox"
              data-testid="library-meta-field"
              checked={meta.has(f)}
              onChange={(e) => setSpec(file.spec.fileId, { metaFields: e.target.checked ? [...meta, f] : [...meta].filter((m) => m !== f) })}
            />
            {f}
          </label>
        ))}
    </div>
  )
}

/**
 * One staged file. Memoised on its entry: staging a folder in several calls, or changing one file's
 * encoding or fields, re-renders only the rows whose entry changed.
 */
const FileRow = memo(function FileRow({ file }: { file: ImportFile }): ReactNode {
  const { t } = useTranslation()
  return (
    <tr data-testid="library-file" data-name={file.staged.name} data-format={file.staged.format ?? ''} data-encoding={file.staged.encoding?.encoding ?? ''}>
      <td>
        <div>{file.staged.name}</div>
        <FieldsCell file={file} />
        <Problems problems={file.staged.problems} />
        {file.staged.sample && !file.staged.problems.some((p) => p.fatal) && <div className="lib-sample">{file.staged.sample.slice(0, 120)}</div>}
      </td>
      <td>{formatBytes(file.staged.bytes)}</td>
      <td>{file.staged.format ? t(`library.formats.${file.staged.format}`) : '—'}</td>
      <td>
        <EncodingCell file={file} />
      </td>
      <td>
        <button type="button" className="link" aria-label={t('library.files.remove', { name: file.staged.name })} onClick={() => void removeFile(file.spec.fileId)}>
          ×
        </button>
      </td>
    </tr>
  )
})

/** The files waiting to be imported, each with its format, encoding, fields and problems. */
export const StagedFiles = memo(function StagedFiles(): ReactNode {
  const { t } = useTranslation()
  const files = useStore((s) => s.library.files)
  const refused = useStore((s) => s.library.refused)
  if (files.length === 0 && refused.length === 0) return null
  return (
    <div className="lib-files" data-testid="library-files" data-count={files.length}>
      <table className="table">
        <thead>
          <tr>
            <th>{t('library.files.name')}</th>
            <th>{t('library.files.size')}</th>
            <th>{t('library.files.format')}</th>
            <th>{t('library.files.encoding')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <FileRow key={f.spec.fileId} file={f} />
          ))}
        </tbody>
      </table>
      {refused.map((r) => (
        <p key={r.name} className="error" data-testid="library-refused" role="alert">
          {t('library.files.tooLarge', { name: r.name, size: formatBytes(r.bytes), mb: MAX_FILE_BYTES / 1048576 })}
        </p>
      ))}
    </div>
  )
})
