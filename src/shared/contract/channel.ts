/** Helpers for declaring contract channels (see ../ipc.ts). */
import { z } from 'zod'

/** Declares a channel: its request schema and (type only) its response. */
export function channel<Res>() {
  return <S extends z.ZodType>(request: S) => ({ request, response: undefined as unknown as Res })
}

/** A request with no fields. */
export const empty = z.object({}).strict()

/** Any object of channels built with {@link channel}. */
export type ContractPart = Record<string, { request: z.ZodType; response: unknown }>

/** Server-side implementation of a contract part: one async handler per channel. */
export type HandlersOf<T extends ContractPart> = {
  [C in keyof T]: (request: z.output<T[C]['request']>) => Promise<T[C]['response']>
}
