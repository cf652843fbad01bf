/** Channels of the embedding-space explorer (projection, search, neighbours, clusters, export). */
export const spaceContract = {} as const

/** Events of the embedding-space explorer. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SpaceEvents {}

/** Runtime list of this feature's event names (the transports subscribe by name). */
export const spaceEventNames: (keyof SpaceEvents)[] = []
