import type { EventName, Events } from '../../../shared/contract'

export type EventSink = <E extends EventName>(event: E, payload: Events[E]) => void

/** A tiny typed event hub: the core emits, transports (IPC, SSE) subscribe. */
export class EventHub {
  private readonly listeners = new Set<EventSink>()

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  subscribe(listener: EventSink): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
