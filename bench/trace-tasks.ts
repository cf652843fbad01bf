/**
 * Long main-thread tasks in a Chrome trace (the JSON of Playwright's `browser.stopTracing()`):
 * each task's wall time and the renderer main thread's CPU time in it (`tdur`), and what the task
 * spent its time on (its direct children: a script call with its function, style, layout, paint,
 * GC). Wall time well above CPU time means the thread was waiting for a core, not working.
 */

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } }
}

/** One long task: start (ms from the first event), wall and CPU ms, and its parts by name (ms). */
export interface TracedTask {
  at: number
  wall: number
  cpu: number | null
  parts: { name: string; ms: number }[]
}

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask'])

/** What a child event is called in the summary: script calls name their function and file. */
function label(e: TraceEvent): string {
  const d = e.args?.data
  if (e.name === 'FunctionCall' && d) return `FunctionCall ${d.functionName || '(anonymous)'} ${(d.url ?? '').split('/').pop()}`
  if (e.name === 'EventDispatch' && d?.type) return `EventDispatch ${d.type}`
  return e.name
}

/**
 * Tasks of the busiest renderer main thread (`CrRendererMain`) longer than `thresholdMs`.
 * @throws Error if the trace has no renderer main thread
 */
export function longTasksInTrace(trace: { traceEvents: TraceEvent[] } | TraceEvent[], thresholdMs = 50): TracedTask[] {
  const events = Array.isArray(trace) ? trace : trace.traceEvents
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`))
  const count = new Map<string, number>()
  for (const e of events) if (TASK_NAMES.has(e.name) && mains.has(`${e.pid}:${e.tid}`)) count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1)
  const main = [...count].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (!main) throw new Error('trace: no renderer main thread (CrRendererMain) with tasks')
  let t0 = Infinity
  for (const e of events) if (e.ts > 0 && e.ts < t0) t0 = e.ts
  const own = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const out: TracedTask[] = []
  let taskEnd = 0
  for (let i = 0; i < own.length; i++) {
    const task = own[i] as TraceEvent
    // Both names can mark one task (one nested in the other): the outer one counts.
    if (!TASK_NAMES.has(task.name) || task.ts < taskEnd) continue
    const end = task.ts + (task.dur ?? 0)
    taskEnd = end
    if ((task.dur ?? 0) < thresholdMs * 1000) continue
    const parts = new Map<string, number>()
    // Direct children only: an event that starts after the previous direct child has ended.
    let childEnd = task.ts
    for (let j = i + 1; j < own.length && (own[j] as TraceEvent).ts < end; j++) {
      const c = own[j] as TraceEvent
      if (c.ts < childEnd || TASK_NAMES.has(c.name)) continue
      childEnd = c.ts + (c.dur ?? 0)
      parts.set(label(c), (parts.get(label(c)) ?? 0) + (c.dur ?? 0) / 1000)
    }
    out.push({
      at: (task.ts - t0) / 1000,
      wall: (task.dur ?? 0) / 1000,
      cpu: task.tdur === undefined ? null : task.tdur / 1000,
      parts: [...parts].map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 })).sort((a, b) => b.ms - a.ms)
    })
  }
  return out
}
