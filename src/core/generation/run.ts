/** One streamed generation: relays the host's per-token progress as 'generation:token' events. */
import type { ParsedRequestOf } from '../../shared/ipc'
import { AppError } from '../../shared/errors'
import type { GenerateResult, GeneratedStep } from '../../shared/host-ops/generation'
import type { CoreContext } from '../context'

/**
 * Runs `generate` in the model host. Stopped by the user (see 'generation:stop'), it resolves with
 * the tokens so far and stopReason 'stopped'.
 * @throws AppError BAD_REQUEST if `requestId` is already running, or the host's error
 */
export async function runGeneration(ctx: CoreContext, running: Map<string, AbortController>, req: ParsedRequestOf<'generation:generate'>): Promise<GenerateResult> {
  if (running.has(req.requestId)) throw new AppError('BAD_REQUEST', `Generation ${req.requestId} is already running.`)
  const controller = new AbortController()
  running.set(req.requestId, controller)
  const steps: GeneratedStep[] = []
  const start = performance.now()
  const { requestId, ...args } = req
  try {
    return await ctx.host.request('generate', args, {
      signal: controller.signal,
      onProgress: (p) => {
        const batch = p.data as GeneratedStep[] | undefined
        if (!Array.isArray(batch) || batch.length === 0) return
        steps.push(...batch)
        ctx.bus.emit('generation:token', { requestId, modelId: req.modelId, steps: batch })
      }
    })
  } catch (err) {
    if (!(controller.signal.aborted && err instanceof AppError && err.code === 'CANCELLED')) throw err
    return { text: steps.map((s) => s.token.text).join(''), steps, promptTokens: null, stopReason: 'stopped', tookMs: performance.now() - start }
  } finally {
    running.delete(req.requestId)
  }
}
