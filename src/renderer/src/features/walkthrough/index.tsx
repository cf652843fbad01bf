/** The walkthrough section's view. Replace the placeholder with the feature when it lands. */
import type { ReactNode } from 'react'
import { ComingSoon } from '../../app/ComingSoon'

export function WalkthroughView(): ReactNode {
  return <ComingSoon section="walkthrough" />
}
