/** Channels of the generation feature. Add channels here (built with `channel`) and their events below. */
export const generationContract = {} as const

/** Events of the generation feature (payload pushed from the Node side). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface GenerationEvents {}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const generationEventNames: (keyof GenerationEvents)[] = []
