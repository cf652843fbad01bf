/** Channels and events of the generation lab (next-token distributions, sampling, streaming). */
import { z } from 'zod'
import type { DistributionResult, GenerateResult, GeneratedStep } from '../host-ops/generation'
import { channel, empty } from './channel'

/** A generation model found in resources/models (a model card with task "text-generation"). */
export interface GenModelInfo {
  id: string
  notes: string
  languages: string[]
}

/** A prompt preset from resources/corpora/toyworld/presets.json. */
export interface GenPreset {
  id: string
  models: string[]
  prompt: string
  expected?: string
  notes?: string
}

const modelId = z.string().regex(/^[A-Za-z0-9._-]+$/).max(100)
const prompt = z.string().max(4000)

/** Sampling controls as the UI sends them (ranges checked again by shared/sampling.ts). */
export const samplingSchema = z.object({
  temperature: z.number().min(0).max(5).default(1),
  topK: z.number().int().min(0).max(100_000).default(0),
  topP: z.number().gt(0).max(1).default(1),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(42),
  greedy: z.boolean().default(false)
})

export const generationContract = {
  'generation:models': channel<GenModelInfo[]>()(empty),
  'generation:presets': channel<GenPreset[]>()(empty),
  /** Streams 'generation:token' events tagged with `requestId`; resolves with the whole result. */
  'generation:generate': channel<GenerateResult>()(
    samplingSchema.extend({ requestId: z.string().min(1).max(100), modelId, prompt, maxNewTokens: z.number().int().min(1).max(512).default(60) }).strict()
  ),
  /** Stops a running generation; it then resolves with the tokens so far (stopReason 'stopped'). */
  'generation:stop': channel<boolean>()(z.object({ requestId: z.string().min(1).max(100) }).strict()),
  /** The full next-token logits after `prompt` + `appendIds`. */
  'generation:distribution': channel<DistributionResult>()(
    z.object({ modelId, prompt, appendIds: z.array(z.number().int().min(0)).max(512).default([]) }).strict()
  )
} as const

/** Events of the generation feature. */
export interface GenerationEvents {
  /** The next generated tokens of request `requestId` (in order; batched up to one frame). */
  'generation:token': { requestId: string; modelId: string; steps: GeneratedStep[] }
}

export const generationEventNames: (keyof GenerationEvents)[] = ['generation:token']
