/**
 * The one typed contract between the renderer and the Node side (Electron main or the harness).
 *
 * - `invokeContract`: channel → zod schema of the request + phantom type of the response.
 *   Channel names are `namespace:operation`; `window.api.<namespace>.<operation>(request)` calls it.
 * - `EventMap`: event name → payload pushed from the Node side; `window.api.on(name, cb)` listens.
 *
 * Main, preload, harness and renderer are all typed from this file, so a channel added here is
 * checked end to end by the compiler.
 */
import type { z } from 'zod'
import type { HandlersOf } from './contract/channel'
import { type CoreEvents, coreContract, coreEventNames } from './contract/core'
import { type GenerationEvents, generationContract, generationEventNames } from './contract/generation'
import { type LessonsEvents, lessonsContract, lessonsEventNames } from './contract/lessons'
import { type LibraryEvents, libraryContract, libraryEventNames } from './contract/library'
import { type SpaceEvents, spaceContract, spaceEventNames } from './contract/space'
import { type TokenizerEvents, tokenizerContract, tokenizerEventNames } from './contract/tokenizer'
import { type WalkthroughEvents, walkthroughContract, walkthroughEventNames } from './contract/walkthrough'

export { settingsSchema } from './contract/core'

/** Every channel of every feature. Each feature declares its part in ./contract/<feature>.ts. */
export const invokeContract = {
  ...coreContract,
  ...lessonsContract,
  ...libraryContract,
  ...spaceContract,
  ...tokenizerContract,
  ...generationContract,
  ...walkthroughContract
} as const

export type InvokeContract = typeof invokeContract
export type Channel = keyof InvokeContract
/** The request a channel accepts, as the caller writes it (defaults may be omitted). */
export type RequestOf<C extends Channel> = z.input<InvokeContract[C]['request']>
/** The request after schema parsing (defaults applied), as handlers receive it. */
export type ParsedRequestOf<C extends Channel> = z.output<InvokeContract[C]['request']>
export type ResponseOf<C extends Channel> = InvokeContract[C]['response']

/** Runtime list of channel names (the preload and the harness build their API from it). */
export const CHANNELS = Object.keys(invokeContract) as Channel[]

/** Events pushed from the Node side to the renderer (every feature's events). */
export interface EventMap extends CoreEvents, LessonsEvents, LibraryEvents, SpaceEvents, TokenizerEvents, GenerationEvents, WalkthroughEvents {}
export type EventName = keyof EventMap
/** Runtime list of event names, from every feature's contract part. */
export const EVENT_NAMES: EventName[] = [
  ...coreEventNames,
  ...lessonsEventNames,
  ...libraryEventNames,
  ...spaceEventNames,
  ...tokenizerEventNames,
  ...generationEventNames,
  ...walkthroughEventNames
]

/** Server-side implementation of every channel (core services implement this). */
export type Handlers = HandlersOf<InvokeContract>

type Namespace<C extends string> = C extends `${infer N}:${string}` ? N : never
type Operation<C extends string, N extends string> = C extends `${N}:${infer O}` ? O : never

/**
 * What the renderer sees as `window.api`: one function per channel, grouped by namespace,
 * plus `on(event, listener)` which returns an unsubscribe function.
 */
export type Api = {
  [N in Namespace<Channel>]: {
    [O in Operation<Channel, N>]: (request?: RequestOf<`${N}:${O}` & Channel>) => Promise<ResponseOf<`${N}:${O}` & Channel>>
  }
} & {
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void
}

/** Splits `namespace:operation`. */
export function splitChannel(channel: Channel): [string, string] {
  const i = channel.indexOf(':')
  return [channel.slice(0, i), channel.slice(i + 1)]
}

/** True if `name` is a declared channel. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(invokeContract, name)
}

/**
 * Builds an {@link Api} object from one generic `call(channel, request)` function and one
 * `subscribe(event, listener)`. Used by the preload and by the harness client: the generic
 * function stays private to them, the renderer only ever sees named operations.
 */
export function buildApi(
  call: (channel: Channel, request: unknown) => Promise<unknown>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void
): Api {
  const api: Record<string, unknown> = {}
  for (const ch of CHANNELS) {
    const [ns, op] = splitChannel(ch)
    const group = (api[ns] ??= {}) as Record<string, unknown>
    group[op] = (request: unknown = {}) => call(ch, request)
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`)
    return subscribe(event, listener)
  }
  return api as Api
}
