/** Turns anything a transport threw into a sentence for the user, in their language. */
import type { TFunction } from 'i18next'
import { errorFromUnknown } from '@shared/errors'

/** `errors.<CODE>` (what happened, what to do) followed by the technical detail. */
export function describeError(err: unknown, t: TFunction): string {
  const wire = errorFromUnknown(err)
  return `${t(`errors.${wire.code}`)} (${wire.message})`
}
