import type { EventName, Events } from '../../../shared/contract'

export type EventSink = <E extends EventName>(event: E, payload: Events[E]) => void

/** A tiny typed event hub: the core emits, transports (IPC, SSE) subscribe. */
export class EventHub {
  private readonly listeners = new Set<EventSink>()

  /** Never throws: emit is called from the engine's timers and the library's commits,
   * and one failing transport (a destroyed window, a closed SSE stream) must neither stop
   * them nor keep the event from the other listeners. */
  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload)
      } catch (error) {
        console.error(`Songshelf: a listener of "${event}" failed:`, error)
      }
    }
  }

  subscribe(listener: EventSink): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
