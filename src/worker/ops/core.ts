/** The shell's model host ops: diagnostics. */
import type { CoreOps } from '../../shared/host-ops/core'
import { sleep } from '../context'
import { describeTransformers } from '../transformers-env'
import type { OpTable } from './table'

export const coreOps: OpTable<CoreOps> = {
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
