import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Section } from '../stores/app-slice'
import { EmptyState } from './EmptyState'

/** An honest placeholder for a section whose feature has not landed: what it will do, what to use meanwhile. */
export function ComingSoon({ section }: { section: Section }): ReactNode {
  const { t } = useTranslation()
  return (
    <section className="page" data-testid={`section-${section}`}>
      <h1>{t(`nav.${section}`)}</h1>
      <EmptyState title={t(`soon.${section}.title`)} body={t(`soon.${section}.body`)} testId={`${section}-empty`} />
    </section>
  )
}
