/**
 * The one generic entry point that transports (Electron IPC, harness WebSocket) use to call a
 * handler: it checks the channel name, validates the request with the channel's zod schema and
 * turns every failure into a {@link WireError}-carrying {@link AppError}.
 */
import { AppError } from '../shared/errors'
import { type Channel, type Handlers, invokeContract, isChannel } from '../shared/ipc'

/**
 * @throws AppError UNKNOWN_CHANNEL for an undeclared channel, BAD_REQUEST when the request does
 *         not match its schema (the message lists the offending fields), or the handler's error.
 */
export async function dispatch(handlers: Handlers, channel: unknown, request: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', `Unknown channel "${String(channel)}"`)
  const schema = invokeContract[channel].request
  const parsed = schema.safeParse(request ?? {})
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ')
    throw new AppError('BAD_REQUEST', `Invalid request for ${channel}: ${fields}`)
  }
  const handler = handlers[channel] as (req: unknown) => Promise<unknown>
  return handler(parsed.data)
}

export type { Channel }
