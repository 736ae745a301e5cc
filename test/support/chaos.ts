import type { RecordedRequest, SimFault, Simulator } from './sim-gateway'
import { hash32 } from './sim-random'

// Seeded chaos for the simulated gateway and CDN (RELIABILITY.md D1–D5, E2, E3, E7):
// as each request arrives, a fault may be armed for exactly that request. Whether it is
// decided by a hash of (seed, what was asked, how often it was asked before), so a run's
// faults do not depend on the order in which concurrent downloads happen to arrive, and
// a failing seed replays the same faults.

export interface ChaosRates {
  /** Gateway answers a 5xx (proxy HTML page or a JSON error). */
  gateway5xx: number
  /** Gateway answers its web page with 200 (a captive portal, a CDN challenge). */
  gatewayHtml200: number
  /** Gateway starts a burst of 2–4 answers of 429. */
  rateLimitBurst: number
  /** The connection is reset part-way through the body (gateway and CDN). */
  reset: number
  /** The body trickles in small, delayed pieces (gateway and CDN). */
  slow: number
  /** The CDN answers a login page with 200 instead of the media. */
  cdnHtml200: number
}

export const SOAK_RATES: ChaosRates = {
  gateway5xx: 0.1,
  gatewayHtml200: 0.03,
  rateLimitBurst: 0.05,
  reset: 0.05,
  slow: 0.05,
  cdnHtml200: 0.05
}

export type ChaosKind =
  'gateway_5xx' | 'gateway_html_200' | 'rate_limit_burst' | 'reset' | 'slow' | 'cdn_html_200'

export interface ChaosEvent {
  kind: ChaosKind
  request: RecordedRequest
  /** How many earlier requests asked for the same path. */
  attempt: number
}

export interface Chaos {
  readonly events: readonly ChaosEvent[]
  /** Events per kind, for asserting that a run really met every fault. */
  counts(): Record<ChaosKind, number>
  /** Whether chaos broke this request (its answer is not the real file). */
  broke(request: RecordedRequest): boolean
  /** Stops arming new faults (already armed ones still fire). */
  stop(): void
}

/** Calls `fn` for every request that arrives from now on, before the simulator answers
 * it, so a fault set here applies to that very request. The simulator has no hook of its
 * own; `waitForRequest` offers one when its predicate never matches. */
export function onEveryRequest(sim: Simulator, fn: (request: RecordedRequest) => void): void {
  const earlier = new Set(sim.requests)
  void sim.waitForRequest((request) => {
    if (!earlier.has(request)) fn(request)
    return false
  })
}

const pathOf = (request: RecordedRequest): string => request.path.split('?')[0] ?? request.path

/**
 * Arms seeded faults on the simulator. A path of the CDN meets at most `maxPerPath`
 * transient faults, so a good file always gets through within the download queue's
 * attempt budget; gateway faults have no such limit because polling never gives up.
 */
export function unleashChaos(
  sim: Simulator,
  opts: { seed: number; rates?: ChaosRates; maxPerPath?: number }
): Chaos {
  const rates = opts.rates ?? SOAK_RATES
  const maxPerPath = opts.maxPerPath ?? 2
  const events: ChaosEvent[] = []
  const broken = new Set<RecordedRequest>()
  const asked = new Map<string, number>()
  let gatewayRequests = 0
  let stopped = false
  const roll = (key: string): number => hash32(`${opts.seed}:${key}`) / 2 ** 32

  const arm = (
    request: RecordedRequest,
    attempt: number,
    kind: ChaosKind,
    fault: SimFault,
    times = 1
  ): void => {
    sim.setFault(fault, { times })
    events.push({ kind, request, attempt })
    if (kind !== 'slow') broken.add(request)
  }

  const answeredOnce = (): boolean =>
    sim.requests.some((r) => r.origin === 'gateway' && r.status === 200 && !broken.has(r))

  const onGateway = (request: RecordedRequest): void => {
    const n = gatewayRequests++
    const path = pathOf(request)
    const route = request.method === 'POST' ? 'batch' : 'single'
    let r = roll(`gateway:${n}`)
    if ((r -= rates.gateway5xx) < 0) {
      const fault: SimFault =
        n % 2 === 0
          ? { kind: 'html', status: 502 + (n % 3), route }
          : { kind: 'api_error', status: 500, message: 'database is locked', route }
      return arm(request, n, 'gateway_5xx', fault)
    }
    // A web page from an address that never answered like a gateway is a wrong base URL
    // (the engine says so and waits for the user); chaos only sends one after a real answer.
    if ((r -= rates.gatewayHtml200) < 0 && answeredOnce()) {
      return arm(request, n, 'gateway_html_200', { kind: 'html', status: 200, route })
    }
    if ((r -= rates.rateLimitBurst) < 0) {
      const retryAfter = n % 3 === 0 ? {} : { retryAfter: String(n % 2) }
      const fault: SimFault = { kind: 'rate_limit', route, ...retryAfter }
      return arm(request, n, 'rate_limit_burst', fault, 2 + (n % 3))
    }
    if ((r -= rates.reset) < 0) {
      return arm(request, n, 'reset', { kind: 'reset', path, afterBytes: 1 + (n % 200) })
    }
    if ((r -= rates.slow) < 0) {
      arm(request, n, 'slow', { kind: 'slow', path, delayMs: 1, chunkBytes: 512 })
    }
  }

  const onCdn = (request: RecordedRequest): void => {
    const path = pathOf(request)
    const attempt = asked.get(path) ?? 0
    asked.set(path, attempt + 1)
    const transient = events.filter((e) => e.kind !== 'slow' && pathOf(e.request) === path)
    if (transient.length >= maxPerPath) return
    let r = roll(`cdn:${path}:${attempt}`)
    if ((r -= rates.reset) < 0) {
      const afterBytes = 1 + Math.floor(roll(`cut:${path}:${attempt}`) * 15_000)
      return arm(request, attempt, 'reset', { kind: 'reset', path, afterBytes })
    }
    if ((r -= rates.cdnHtml200) < 0) {
      return arm(request, attempt, 'cdn_html_200', { kind: 'media', path, as: 'html' })
    }
    if ((r -= rates.slow) < 0) {
      arm(request, attempt, 'slow', { kind: 'slow', path, delayMs: 1, chunkBytes: 2048 })
    }
  }

  onEveryRequest(sim, (request) => {
    if (stopped) return
    if (request.origin === 'gateway') onGateway(request)
    else if (pathOf(request).startsWith('/media/')) onCdn(request)
  })

  return {
    events,
    counts() {
      const out: Record<ChaosKind, number> = {
        gateway_5xx: 0,
        gateway_html_200: 0,
        rate_limit_burst: 0,
        reset: 0,
        slow: 0,
        cdn_html_200: 0
      }
      for (const event of events) out[event.kind] += 1
      return out
    },
    broke: (request) => broken.has(request),
    stop: () => {
      stopped = true
    }
  }
}
