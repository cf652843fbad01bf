/** A small typed event bus for the events the Node side pushes to the renderer. */
import type { EventMap, EventName } from '../shared/ipc'

export class EventBus {
  private readonly listeners = new Set<<E extends EventName>(event: E, payload: EventMap[E]) => void>()

  /** Listen to every event; returns an unsubscribe function. */
  subscribe(listener: <E extends EventName>(event: E, payload: EventMap[E]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const l of this.listeners) l(event, payload)
  }
}
