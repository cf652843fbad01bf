/** Channels of the library feature. Add channels here (built with `channel`) and their events below. */
export const libraryContract = {} as const

/** Events of the library feature (payload pushed from the Node side). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LibraryEvents {}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const libraryEventNames: (keyof LibraryEvents)[] = []
