/** All model host ops: every feature's table merged (src/worker/ops/<feature>.ts). */
import { AppError } from '../../shared/errors'
import type { HostOp, HostOps } from '../../shared/host-protocol'
import type { OpContext } from '../context'
import { coreOps } from './core'
import { embeddingOps } from './embedding'
import { generationOps } from './generation'
import { tokenizerOps } from './tokenizer'
import { walkthroughOps } from './walkthrough'
import type { OpTable } from './table'

export const ops: OpTable<HostOps> = { ...coreOps, ...embeddingOps, ...tokenizerOps, ...generationOps, ...walkthroughOps }

type AnyOp = (args: unknown, ctx: OpContext) => Promise<unknown>

/** Looks up an op by name. @throws AppError BAD_REQUEST for an unknown op. */
export function getOp(name: string): AnyOp {
  if (!Object.prototype.hasOwnProperty.call(ops, name)) throw new AppError('BAD_REQUEST', `Unknown model host op "${name}"`)
  return ops[name as HostOp] as AnyOp
}
