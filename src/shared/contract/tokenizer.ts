/** Channels of the tokenizer feature. Add channels here (built with `channel`) and their events below. */
export const tokenizerContract = {} as const

/** Events of the tokenizer feature (payload pushed from the Node side). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TokenizerEvents {}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const tokenizerEventNames: (keyof TokenizerEvents)[] = []
