/**
 * Entry of the projection worker thread (node:worker_threads): routes task messages to tasks.ts
 * and transfers result arrays back. Holds fitted models so queries can be placed later.
 */
import { parentPort } from 'node:worker_threads'
import { toWireError } from '../../shared/errors'
import type { TaskReply, TaskRequest } from './protocol'
import { ModelMemory, runKMeans, runLayout, runPlace } from './tasks'

const memory = new ModelMemory()
const port = parentPort
if (!port) throw new Error('projection worker: must run in a worker thread')

function transferables(result: unknown): ArrayBuffer[] {
  if (!result || typeof result !== 'object') return []
  return Object.values(result)
    .filter((v): v is Float32Array | Int32Array => v instanceof Float32Array || v instanceof Int32Array)
    .map((v) => v.buffer as ArrayBuffer)
}

port.on('message', (req: TaskRequest) => {
  const progress = (stage: string, done: number, total: number): void => port.postMessage({ id: req.id, progress: { stage, done, total } } satisfies TaskReply)
  try {
    const result =
      req.task === 'layout'
        ? runLayout(req.args as TaskRequest<'layout'>['args'], memory, progress)
        : req.task === 'place'
          ? runPlace(req.args as TaskRequest<'place'>['args'], memory)
          : runKMeans(req.args as TaskRequest<'kmeans'>['args'], progress)
    port.postMessage({ id: req.id, ok: true, result } satisfies TaskReply, transferables(result))
  } catch (err) {
    port.postMessage({ id: req.id, ok: false, error: toWireError(err) } satisfies TaskReply)
  }
})
