/** The embedding feature's model host ops (types in src/shared/host-ops/embedding.ts). */
import type { EmbeddingOps } from '../../shared/host-ops/embedding'
import type { OpTable } from './table'

export const embeddingOps: OpTable<EmbeddingOps> = {}
