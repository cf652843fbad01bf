/** Channels of the lessons feature. Add channels here (built with `channel`) and their events below. */
export const lessonsContract = {} as const

/** Events of the lessons feature (payload pushed from the Node side). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LessonsEvents {}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const lessonsEventNames: (keyof LessonsEvents)[] = []
