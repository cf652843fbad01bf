/**
 * Error codes shared by every layer. A code names what went wrong; the message (English, for logs)
 * says what to do next. The renderer translates codes into the user's language (locales: `errors.<code>`).
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'HOST_CRASHED',
  'HOST_UNAVAILABLE',
  'CANCELLED',
  'MODEL_NOT_FOUND',
  'MODEL_LOAD_FAILED',
  'NOT_IMPLEMENTED',
  'INTERNAL'
] as const

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number]

/** The plain shape an error has on the wire (IPC, WebSocket, model host). */
export interface WireError {
  code: ErrorCode
  message: string
}

/** An error that carries a stable {@link ErrorCode} across process boundaries. */
export class AppError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
  }

  /** The serialisable form sent over IPC or WebSocket. */
  toWire(): WireError {
    return { code: this.code, message: this.message }
  }
}

/** True if `value` looks like a {@link WireError} (used on the receiving side of a transport). */
export function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string'
}

/** Turns anything thrown into a {@link WireError}; unknown errors become `INTERNAL`. */
export function toWireError(err: unknown): WireError {
  if (err instanceof AppError) return err.toWire()
  if (isWireError(err)) return { code: err.code, message: err.message }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'INTERNAL', message }
}

/** Rebuilds an {@link AppError} from its wire form. */
export function fromWireError(wire: WireError): AppError {
  return new AppError(wire.code, wire.message)
}

const BRIDGE_PREFIX = 'LLMX_ERR:'

/** Packs a {@link WireError} into one string (Electron's contextBridge keeps only `message`). */
export function encodeErrorForBridge(error: WireError): string {
  return `${BRIDGE_PREFIX}${error.code}:${error.message}`
}

/**
 * Recovers the {@link WireError} of anything a transport threw: an AppError, a plain
 * `{code, message}`, or an Error whose message was packed by {@link encodeErrorForBridge}.
 */
export function errorFromUnknown(err: unknown): WireError {
  const msg = err instanceof Error ? err.message : typeof err === 'string' ? err : ''
  const i = msg.indexOf(BRIDGE_PREFIX)
  if (i >= 0) {
    const rest = msg.slice(i + BRIDGE_PREFIX.length)
    const colon = rest.indexOf(':')
    const code = rest.slice(0, colon)
    if ((ERROR_CODES as readonly string[]).includes(code)) return { code: code as ErrorCode, message: rest.slice(colon + 1) }
  }
  return toWireError(err)
}
