/** The tokenizer feature's model host ops (types in src/shared/host-ops/tokenizer.ts). */
import type { TokenizerOps } from '../../shared/host-ops/tokenizer'
import type { OpTable } from './table'

export const tokenizerOps: OpTable<TokenizerOps> = {}
