/** The shell's channels: app info, model host, bundled models, jobs, settings. */
import { z } from 'zod'
import type { AppInfo, HostStatus, JobInfo, ModelInfo, PingResult, Settings } from '../types'
import { channel, empty } from './channel'

export const settingsSchema = z
  .object({
    language: z.enum(['system', 'en', 'zh-CN']),
    theme: z.enum(['system', 'light', 'dark'])
  })
  .strict()

export const coreContract = {
  'app:info': channel<AppInfo>()(empty),
  'host:status': channel<HostStatus>()(empty),
  'host:restart': channel<HostStatus>()(empty),
  /** Round trip through the model host; `delayMs` makes the host hold the request (diagnostics). */
  'host:ping': channel<PingResult>()(
    z.object({ echo: z.string().max(1000).default('ping'), delayMs: z.number().int().min(0).max(60_000).default(0) }).strict()
  ),
  'models:list': channel<ModelInfo[]>()(empty),
  'jobs:list': channel<JobInfo[]>()(empty),
  'jobs:cancel': channel<boolean>()(z.object({ id: z.string().min(1).max(100) }).strict()),
  /** Starts a self-test job in the model host that reports progress for `seconds` seconds. */
  'jobs:selfTest': channel<JobInfo>()(z.object({ seconds: z.number().int().min(1).max(60) }).strict()),
  'settings:get': channel<Settings>()(empty),
  'settings:set': channel<Settings>()(settingsSchema.partial().strict())
} as const

/** Events of the shell. */
export interface CoreEvents {
  'host:status': HostStatus
  'job:update': JobInfo
}

export const coreEventNames: (keyof CoreEvents)[] = ['host:status', 'job:update']
