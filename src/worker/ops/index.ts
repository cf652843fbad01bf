/** The table of operations the model host runs. Each feature adds its ops here. */
import type { HostOp, HostOps } from '../../shared/host-protocol'
import { AppError } from '../../shared/errors'
import type { OpContext } from '../context'
import { sleep } from '../context'
import { describeTransformers } from '../transformers-env'

type OpHandler<O extends HostOp> = (args: HostOps[O]['args'], ctx: OpContext) => Promise<HostOps[O]['result']>

/** Every op, typed by {@link HostOps}. */
export const ops: { [O in HostOp]: OpHandler<O> } = {
  async ping(args, ctx) {
    const start = performance.now()
    await sleep(args.delayMs, ctx.signal)
    return { echo: args.echo, pid: process.pid, tookMs: Math.round(performance.now() - start) }
  },
  async selfTest(args, ctx) {
    for (let step = 0; step < args.steps; step++) {
      ctx.progress('selfTest', step, args.steps)
      await sleep(args.stepMs, ctx.signal)
    }
    ctx.progress('selfTest', args.steps, args.steps)
    return { steps: args.steps }
  },
  async env() {
    return describeTransformers()
  }
}

/** Looks up an op by name. @throws AppError BAD_REQUEST for an unknown op. */
export function getOp(name: string): OpHandler<HostOp> {
  if (!Object.prototype.hasOwnProperty.call(ops, name)) throw new AppError('BAD_REQUEST', `Unknown model host op "${name}"`)
  return ops[name as HostOp] as OpHandler<HostOp>
}
