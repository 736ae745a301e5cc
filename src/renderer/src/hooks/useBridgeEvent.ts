import { useEffect, useRef } from 'react'
import type { EventName, Events } from '../../../shared/contract'
import { onEvent } from '../lib/bridge'

/** Subscribes to a bridge event for the lifetime of the component. The latest listener
 * is always called, so callers need not memoise it. */
export function useBridgeEvent<E extends EventName>(
  event: E,
  listener: (payload: Events[E]) => void
): void {
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => onEvent(event, (payload) => latest.current(payload)), [event])
}
