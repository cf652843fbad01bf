/**
 * Entry of the model host process. Started by core/host with `utilityProcess.fork` (Electron) or
 * `child_process.fork` (Node). Runs model work off the app's main thread; see shared/host-protocol.
 */
import { AppError, toWireError } from '../shared/errors'
import type { HostRequest } from '../shared/host-protocol'
import { connectToParent } from './port'
import { configureTransformers } from './transformers-env'
import { getOp } from './ops/index'

const modelsDir = process.env.LLMX_MODELS_DIR
const cacheDir = process.env.LLMX_CACHE_DIR
if (!modelsDir || !cacheDir) {
  throw new Error('LLMX_MODELS_DIR and LLMX_CACHE_DIR must be set by the parent process')
}
configureTransformers(modelsDir, cacheDir)

const link = connectToParent()
const inFlight = new Map<number, AbortController>()

async function run(request: HostRequest): Promise<void> {
  const controller = new AbortController()
  inFlight.set(request.id, controller)
  try {
    const op = getOp(request.op)
    const result = await op(request.args, {
      signal: controller.signal,
      progress: (stage, done, total, data) => link.send({ id: request.id, progress: { stage, done, total, data } })
    })
    link.send({ id: request.id, ok: true, result })
  } catch (err) {
    const error = controller.signal.aborted ? new AppError('CANCELLED', 'Cancelled by the user') : err
    link.send({ id: request.id, ok: false, error: toWireError(error) })
  } finally {
    inFlight.delete(request.id)
  }
}

link.onMessage((message) => {
  if ('cancel' in message) {
    inFlight.get(message.cancel)?.abort(new AppError('CANCELLED', 'Cancelled by the user'))
    return
  }
  void run(message)
})

link.send({ ready: true, pid: process.pid })
