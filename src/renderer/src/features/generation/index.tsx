/** The generation section's view. Replace the placeholder with the feature when it lands. */
import type { ReactNode } from 'react'
import { ComingSoon } from '../../app/ComingSoon'

export function GenerationView(): ReactNode {
  return <ComingSoon section="generation" />
}
