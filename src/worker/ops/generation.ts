/** The generation feature's model host ops (types in src/shared/host-ops/generation.ts). */
import type { GenerationOps } from '../../shared/host-ops/generation'
import type { OpTable } from './table'

export const generationOps: OpTable<GenerationOps> = {}
