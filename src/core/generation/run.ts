/**
 * One streamed generation: relays the host's per-token progress as 'generation:token' events. With a
 * tool (ReAct), the core drives the loop: generate until the tool's stop sequence, run the tool,
 * append its output ('generation:tool' event), generate on from the whole text.
 */
import type { ParsedRequestOf } from '../../shared/ipc'
import { MAX_TOOL_CALLS, type GenRunResult, type ToolCall } from '../../shared/contract/generation'
import { AppError } from '../../shared/errors'
import type { GenerateArgs, GeneratedStep, StopReason } from '../../shared/host-ops/generation'
import { StepReader } from '../../shared/step-batch'
import type { CoreContext } from '../context'
import { loadLookupTool, runLookup } from './lookup'

/** A run's state so far (what a stop by the user returns). */
interface RunSoFar {
  /** Text of the finished segments and the tool outputs. */
  text: string
  steps: GeneratedStep[]
  /** How many of `steps` `text` holds (those of the finished segments). */
  inText: number
  toolCalls: ToolCall[]
  promptTokens: number | null
  tookMs: number
}

type Emit = (steps: GeneratedStep[]) => void

/**
 * One `generate` request to the model host; its steps are numbered on from `run.steps` and
 * streamed through `emit`. Adds its text, steps and time to `run`. The host sends every step once,
 * in compact batches (shared/step-batch.ts): as progress, the last batch inside its reply.
 * @returns the host's stop reason and the segment's text
 * @throws AppError INTERNAL if the stream is malformed or misses steps, or the host's error
 */
async function segment(ctx: CoreContext, args: GenerateArgs, signal: AbortSignal, run: RunSoFar, emit: Emit): Promise<{ reason: StopReason; text: string }> {
  // the host only hears an abort that happens during its request
  if (signal.aborted) return { reason: 'stopped', text: '' }
  const reader = new StepReader(run.steps.length)
  // a bad batch is reported when the request ends (throwing in the host's message listener would not reach the caller)
  let streamError: unknown = null
  const r = await ctx.host.request('generate', args, {
    signal,
    onProgress: (p) => {
      if (p.stage !== 'token' || streamError !== null) return
      try {
        const steps = reader.read(p.data)
        run.steps.push(...steps)
        emit(steps)
      } catch (err) {
        streamError = err
      }
    }
  })
  if (streamError !== null) throw streamError
  const tail = reader.finish(r)
  if (tail.length > 0) {
    run.steps.push(...tail)
    emit(tail)
  }
  run.inText = run.steps.length
  run.text += r.text
  run.promptTokens ??= r.promptTokens
  run.tookMs += r.tookMs
  return { reason: r.stopReason, text: r.text }
}

/** The ReAct loop of a `tool` request. @returns the last segment's stop reason */
async function toolLoop(ctx: CoreContext, req: ParsedRequestOf<'generation:generate'>, signal: AbortSignal, run: RunSoFar, emit: Emit): Promise<StopReason> {
  const { requestId, tool: _tool, ...args } = req
  const tool = await loadLookupTool(ctx.corporaDir)
  const stop = [...new Set([...(args.stop ?? []), tool.stop])]
  for (let k = 0; ; k++) {
    // each segment draws from its own seeded stream (seed + k), so a run stays reproducible
    const seed = (args.seed + k) >>> 0
    const { reason, text } = await segment(ctx, { ...args, prompt: args.prompt + run.text, maxNewTokens: args.maxNewTokens - run.steps.length, seed, stop }, signal, run, emit)
    if (reason !== 'stop' || !text.endsWith(tool.stop) || run.toolCalls.length >= MAX_TOOL_CALLS || run.steps.length >= args.maxNewTokens) return reason
    // a stop that came after the host had finished
    if (signal.aborted) return 'stopped'
    const result = runLookup(tool, text)
    const call: ToolCall = { tool: 'lookup', afterStep: run.steps.length, ...result, appended: tool.wrap(result.output) }
    run.toolCalls.push(call)
    run.text += call.appended
    ctx.bus.emit('generation:tool', { requestId, modelId: req.modelId, call })
  }
}

/**
 * Runs `generate` in the model host, or the ReAct loop when `req.tool` is set. Stopped by the user
 * (see 'generation:stop'), it resolves with the tokens and tool calls so far and stopReason 'stopped'.
 * @throws AppError BAD_REQUEST if `requestId` is already running, INTERNAL if the tool's files are
 *   missing, or the host's error
 */
export async function runGeneration(ctx: CoreContext, running: Map<string, AbortController>, req: ParsedRequestOf<'generation:generate'>): Promise<GenRunResult> {
  if (running.has(req.requestId)) throw new AppError('BAD_REQUEST', `Generation ${req.requestId} is already running.`)
  const controller = new AbortController()
  running.set(req.requestId, controller)
  const run: RunSoFar = { text: '', steps: [], inText: 0, toolCalls: [], promptTokens: null, tookMs: 0 }
  const start = performance.now()
  const emit: Emit = (steps) => ctx.bus.emit('generation:token', { requestId: req.requestId, modelId: req.modelId, steps })
  try {
    const { requestId: _id, tool, ...args } = req
    const stopReason = tool ? await toolLoop(ctx, req, controller.signal, run, emit) : (await segment(ctx, args, controller.signal, run, emit)).reason
    const { text, steps, toolCalls, promptTokens, tookMs } = run
    if (stopReason !== 'stopped') return { text, steps, toolCalls, promptTokens, stopReason, tookMs }
  } catch (err) {
    if (!(controller.signal.aborted && err instanceof AppError && err.code === 'CANCELLED')) throw err
  } finally {
    running.delete(req.requestId)
  }
  // stopped by the user: the finished segments and tool outputs, then the tokens streamed since
  const partial = run.steps.slice(run.inText).map((s) => s.token.text).join('')
  return { text: run.text + partial, steps: run.steps, toolCalls: run.toolCalls, promptTokens: null, stopReason: 'stopped', tookMs: performance.now() - start }
}
