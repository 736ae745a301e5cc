// When to poll, and how long to back off (DESIGN.md "Sync engine"; docs/GATEWAY.md
// #polling: the gateway itself refreshes every ~15 s, so polling faster gains nothing).

export interface PollPolicy {
  /** Interval while a task is young. */
  youngIntervalMs: number
  /** How long a task counts as young. */
  youngForMs: number
  /** Interval once it is older. */
  oldIntervalMs: number
  /** After this long without a final answer the task is shown as stale (still polled). */
  staleAfterMs: number
  /** After this long the task is given up. */
  giveUpAfterMs: number
  /** "task_not_exist" this many times in a row → not found. */
  notFoundConfirmations: number
  backoffBaseMs: number
  backoffMaxMs: number
}

export const DEFAULT_POLICY: PollPolicy = {
  youngIntervalMs: 20_000,
  youngForMs: 10 * 60_000,
  oldIntervalMs: 90_000,
  staleAfterMs: 30 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  notFoundConfirmations: 3,
  backoffBaseMs: 15_000,
  backoffMaxMs: 5 * 60_000
}

/** A policy whose young interval follows the user's poll-interval setting. */
export function policyFor(pollIntervalSec: number, base: PollPolicy = DEFAULT_POLICY): PollPolicy {
  const young = Math.max(1000, pollIntervalSec * 1000)
  return { ...base, youngIntervalMs: young, oldIntervalMs: Math.max(young, base.oldIntervalMs) }
}

/** The delay before a pending task of this age is polled again. */
export function nextPollDelay(ageMs: number, policy: PollPolicy): number {
  return ageMs < policy.youngForMs ? policy.youngIntervalMs : policy.oldIntervalMs
}

/** Exponential backoff with full jitter, capped; a server's Retry-After wins when longer
 * (it is already capped by the gateway client). */
export function backoffDelay(
  failures: number,
  policy: PollPolicy,
  random: () => number,
  retryAfterMs?: number
): number {
  const exp = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, failures - 1))
  const jittered = exp / 2 + random() * (exp / 2)
  return Math.max(jittered, retryAfterMs ?? 0)
}

/** Download retries: 2 s, 4 s, 8 s … capped at 2 min, jittered. */
export function downloadRetryDelay(attempt: number, random: () => number): number {
  const exp = Math.min(120_000, 2000 * 2 ** Math.max(0, attempt - 1))
  return exp / 2 + random() * (exp / 2)
}
