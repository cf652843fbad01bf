/** The concept-map section's view. Replace the placeholder with the feature when it lands. */
import type { ReactNode } from 'react'
import { ComingSoon } from '../../app/ComingSoon'

export function ConceptMapView(): ReactNode {
  return <ComingSoon section="concept-map" />
}
