import type { EventName, Events } from '../../../shared/contract'

export type EventSink = <E extends EventName>(event: E, payload: Events[E]) => void

/** Every event with its own payload, as a discriminated union of argument pairs: a
 * listener written `(event, payload) => { if (event === 'sync-state') … }` gets
 * `payload` narrowed by TypeScript (dependent parameters), with no cast. */
export type EventArgs = { [E in EventName]: [event: E, payload: Events[E]] }[EventName]
export type EventListener = (...args: EventArgs) => unknown

/** A tiny typed event hub: the core emits, transports (IPC, SSE) subscribe. */
export class EventHub {
  private readonly listeners = new Set<EventListener>()

  /** Never throws: emit is called from the engine's timers and the library's commits,
   * and one failing transport (a destroyed window, a closed SSE stream) must neither stop
   * them nor keep the event from the other listeners. */
  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners) {
      try {
        // The hub is the one place where event and payload are paired by emit's type.
        listener(...([event, payload] as EventArgs))
      } catch (error) {
        console.error(`Songshelf: a listener of "${event}" failed:`, error)
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
