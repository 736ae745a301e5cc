// Faults the simulated gateway and CDN can be told to produce, each taken from
// docs/GATEWAY.md (#auth texts, #routes, #errors) or the D and E rows of
// docs/RELIABILITY.md (resets, slow bodies, HTML as media).

export type GatewayRoute = 'batch' | 'single'

/** Replace the gateway's answer on a route (both routes when `route` is left out). */
export type GatewayAnswerFault =
  /** GATEWAY.md#routes: the batch route does not exist: 404 JSON, 405, or the web UI with 200. */
  | { kind: 'batch_missing'; as?: '404' | '405' | 'html' | 'invalid_url' }
  /** OpenAI-style envelope (GATEWAY.md#auth), e.g. message '该令牌额度已用尽' (401) or an IP text (403). */
  | { kind: 'auth'; message: string; status?: number; route?: GatewayRoute }
  /** GATEWAY.md#errors: 429, with or without a Retry-After header. */
  | { kind: 'rate_limit'; retryAfter?: string; route?: GatewayRoute }
  /** An HTML page with this status: 200 (new-api NoRoute) or 502/503/504 (a proxy). */
  | { kind: 'html'; status: number; route?: GatewayRoute }
  /** Task envelope `{code, message, data: null}` with any status. */
  | { kind: 'task_error'; status: number; code: string; message?: string; route?: GatewayRoute }
  /** Middleware envelope `{"error":{message,type}}` with any status. */
  | { kind: 'api_error'; status: number; message: string; type?: string; route?: GatewayRoute }
  /** A success answer padded to `bytes`, with Content-Length or chunked. */
  | { kind: 'huge'; bytes: number; chunked?: boolean; route?: GatewayRoute }
  /** A redirect to the same path on the same origin (marked `?hop=n`) or on the CDN. */
  | { kind: 'redirect'; to: 'same' | 'cdn'; status?: number; route?: GatewayRoute }

/** Change how a batch answer is assembled (order not guaranteed, ids left out). */
export type BatchFault =
  | { kind: 'shuffle' }
  | { kind: 'partial'; drop: readonly string[] }
  /** Answers for ids nobody asked for (known tasks are rendered, unknown ones invented). */
  | { kind: 'extra'; ids: readonly string[] }

/** Change how any body (gateway or CDN) is delivered. `path` is a pathname; a trailing
 * `*` makes it a prefix. */
export type DeliveryFault =
  /** Close the connection after `afterBytes` of the body (default: half). */
  | { kind: 'reset'; path: string; afterBytes?: number }
  /** Send the body in `chunkBytes` pieces with `delayMs` between them. */
  | { kind: 'slow'; path: string; delayMs: number; chunkBytes?: number }
  /** Send headers and `afterBytes` (default 0), then nothing until `releaseStalled()`
   * (or until the simulator closes). */
  | { kind: 'stall'; path: string; afterBytes?: number }
  /** Accept the request and never answer (not even headers). */
  | { kind: 'hang'; path: string }

/** Replace what the CDN serves for a media path (RELIABILITY.md E2). */
export type MediaFault = {
  kind: 'media'
  path: string
  as: 'html' | 'json_error' | 'forbidden' | 'not_found'
}

export type SimFault = GatewayAnswerFault | BatchFault | DeliveryFault | MediaFault

export interface ActiveFault {
  fault: SimFault
  /** Uses left; undefined = until cleared. */
  remaining: number | undefined
}

export function pathMatches(pattern: string, pathname: string): boolean {
  return pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pattern === pathname
}

/** The list of active faults; each use counts down `times` and removes spent faults. */
export class FaultBook {
  private readonly active: ActiveFault[] = []

  add(fault: SimFault, times?: number): void {
    this.active.push({ fault, remaining: times })
  }

  clear(): void {
    this.active.length = 0
  }

  list(): readonly ActiveFault[] {
    return this.active.map((entry) => ({ ...entry }))
  }

  /** Takes (and counts) the first active fault that `matches`. */
  take<T extends SimFault>(matches: (fault: SimFault) => fault is T): T | undefined {
    const entry = this.active.find((candidate) => matches(candidate.fault))
    if (entry === undefined) return undefined
    this.countDown(entry)
    return entry.fault as T
  }

  /** Every active fault that `matches`, each counted once (batch faults combine). */
  takeAll<T extends SimFault>(matches: (fault: SimFault) => fault is T): T[] {
    const taken = this.active.filter((entry) => matches(entry.fault))
    for (const entry of taken) this.countDown(entry)
    return taken.map((entry) => entry.fault as T)
  }

  private countDown(entry: ActiveFault): void {
    if (entry.remaining === undefined) return
    entry.remaining -= 1
    if (entry.remaining <= 0) this.active.splice(this.active.indexOf(entry), 1)
  }
}

export function isGatewayAnswerFault(
  route: GatewayRoute
): (fault: SimFault) => fault is GatewayAnswerFault {
  return (fault: SimFault): fault is GatewayAnswerFault => {
    switch (fault.kind) {
      case 'batch_missing':
        return route === 'batch'
      case 'auth':
      case 'rate_limit':
      case 'html':
      case 'task_error':
      case 'api_error':
      case 'huge':
      case 'redirect':
        return fault.route === undefined || fault.route === route
      default:
        return false
    }
  }
}

export function isDeliveryFault(pathname: string): (fault: SimFault) => fault is DeliveryFault {
  return (fault: SimFault): fault is DeliveryFault =>
    (fault.kind === 'reset' ||
      fault.kind === 'slow' ||
      fault.kind === 'stall' ||
      fault.kind === 'hang') &&
    pathMatches(fault.path, pathname)
}

export function isMediaFault(pathname: string): (fault: SimFault) => fault is MediaFault {
  return (fault: SimFault): fault is MediaFault =>
    fault.kind === 'media' && pathMatches(fault.path, pathname)
}

export function isBatchFault(fault: SimFault): fault is BatchFault {
  return fault.kind === 'shuffle' || fault.kind === 'partial' || fault.kind === 'extra'
}
