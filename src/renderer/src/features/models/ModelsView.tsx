import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelInfo } from '@shared/types'
import { EmptyState } from '../../app/EmptyState'
import { api } from '../../lib/api'
import { describeError } from '../../lib/errors'
import { formatBytes } from '../../lib/format'
import { HostCheck } from './HostCheck'

/** Bundled models (from the manifest) and a live check of the model host. */
export function ModelsView(): ReactNode {
  const { t } = useTranslation()
  const [models, setModels] = useState<ModelInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api()
      .models.list()
      .then(setModels, (e: unknown) => setError(describeError(e, t)))
  }, [t])
  return (
    <section className="page" data-testid="section-models">
      <h1>{t('nav.models')}</h1>
      <HostCheck />
      <h2>{t('models.bundled')}</h2>
      {error && <p className="error">{error}</p>}
      {models?.length === 0 && <EmptyState title={t('models.emptyTitle')} body={t('models.emptyBody')} testId="models-empty" />}
      {models && models.length > 0 && (
        <table className="table" data-testid="models-table">
          <thead>
            <tr>
              <th>{t('models.id')}</th>
              <th>{t('models.task')}</th>
              <th>{t('models.size')}</th>
              <th>{t('models.licence')}</th>
              <th>{t('models.source')}</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.id}>
                <td>{m.id}</td>
                {/* Manifest values are English / pipeline names: shown through the locale, as-is if a model has no entry. */}
                <td title={m.task}>{t(`models.tasks.${m.task}`, { defaultValue: m.task })}</td>
                <td>{formatBytes(m.files.reduce((n, f) => n + f.bytes, 0))}</td>
                <td>{m.licence}</td>
                <td>{t(`models.sources.${m.id}`, { defaultValue: m.source })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
