/** Channels of the walkthrough feature. Add channels here (built with `channel`) and their events below. */
export const walkthroughContract = {} as const

/** Events of the walkthrough feature (payload pushed from the Node side). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WalkthroughEvents {}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const walkthroughEventNames: (keyof WalkthroughEvents)[] = []
