// Adds a set of event listeners to one target and returns the one function that removes
// them all: the media element's events, the window's drag events, a drag handle's pointer
// events. Written once so that no listener can be added without its removal.

type Handlers<M> = { [K in keyof M]?: (event: M[K]) => void }

export function listen<M>(target: EventTarget, handlers: Handlers<M>): () => void {
  const added = Object.entries(handlers) as [string, EventListener][]
  for (const [type, handler] of added) target.addEventListener(type, handler)
  return () => {
    for (const [type, handler] of added) target.removeEventListener(type, handler)
  }
}
