/** The tokenizer section's view. Replace the placeholder with the feature when it lands. */
import type { ReactNode } from 'react'
import { ComingSoon } from '../../app/ComingSoon'

export function TokenizerView(): ReactNode {
  return <ComingSoon section="tokenizer" />
}
