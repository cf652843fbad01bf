/** Channels and events of the generation lab (next-token distributions, sampling, streaming). */
import { z } from 'zod'
import type { DistributionResult, GenerateResult, GeneratedStep } from '../host-ops/generation'
import { channel, empty } from './channel'

/** Tool calls one ReAct run makes at most; the run then ends at the next stop sequence (stopReason 'stop'). */
export const MAX_TOOL_CALLS = 4

/** A generation model found in resources/models (a model card with task "text-generation"). */
export interface GenModelInfo {
  id: string
  notes: string
  languages: string[]
}

/** A tool the core can run for the model during a generation (ReAct); only the toy world's fact lookup. */
export const GEN_TOOLS = ['lookup'] as const
export type GenToolName = (typeof GEN_TOOLS)[number]

/** A prompt preset from resources/corpora/toyworld/presets.json. */
export interface GenPreset {
  id: string
  models: string[]
  prompt: string
  expected?: string
  /** What `expected` is: a fact of the toy world (default), or the text the model writes (steps, a program). */
  expectedKind: 'fact' | 'output'
  notes?: string
  /** The tool a run of this preset uses (request it with `tool` on 'generation:generate'). */
  tool?: GenToolName
  /** New tokens the preset's answer needs (tokens), when more than the lab's default limit. */
  maxNewTokens?: number
}

/**
 * One tool call of a ReAct run: the model's text ended with the tool's stop sequence ("\nObservation:"),
 * the core parsed the action, ran the tool and appended `appended` to the text before generating on.
 */
export interface ToolCall {
  tool: GenToolName
  /** Model tokens generated before this call (it sits between steps afterStep - 1 and afterStep). */
  afterStep: number
  /** The action's argument (the looked-up name); null if no action matched the tool's pattern. */
  argument: string | null
  /** What the tool returned: the fact-sheet passage, or the not-found text ("No entry."). */
  output: string
  found: boolean
  /** Exactly the text added after the model's "Observation:" (" " + output + "\n"). */
  appended: string
}

/** A generation's result as the lab receives it: the model's run plus the tool calls made in it. */
export interface GenRunResult extends GenerateResult {
  /**
   * The new text: model tokens and tool outputs in order (the prompt excluded). `steps` are the
   * model's tokens only, numbered across the whole run.
   */
  text: string
  /** Tool calls in order; empty when the request named no tool. */
  toolCalls: ToolCall[]
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
  /**
   * Streams 'generation:token' events tagged with `requestId`; resolves with the whole result.
   * `stop`: stop sequences (the run ends once the new text ends with one; stopReason 'stop').
   * `tool`: a ReAct run: whenever the text ends with the tool's stop sequence the core runs the tool,
   * appends its output (a 'generation:tool' event) and generates on; `maxNewTokens` bounds the
   * model's tokens over the whole run, and at most {@link MAX_TOOL_CALLS} calls are made.
   */
  'generation:generate': channel<GenRunResult>()(
    samplingSchema
      .extend({
        requestId: z.string().min(1).max(100),
        modelId,
        prompt,
        maxNewTokens: z.number().int().min(1).max(512).default(60),
        stop: z.array(z.string().min(1, 'A stop sequence must not be empty.').max(100)).max(8).optional(),
        tool: z.enum(GEN_TOOLS).optional()
      })
      .strict()
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
  /** A tool's output appended to the text of request `requestId` (no probabilities: not model tokens). */
  'generation:tool': { requestId: string; modelId: string; call: ToolCall }
}

export const generationEventNames: (keyof GenerationEvents)[] = ['generation:token', 'generation:tool']
