/** The walkthrough feature's model host ops (types in src/shared/host-ops/walkthrough.ts). */
import type { WalkthroughOps } from '../../shared/host-ops/walkthrough'
import type { OpTable } from './table'

export const walkthroughOps: OpTable<WalkthroughOps> = {}
