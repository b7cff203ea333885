// How one delivery attempt is written to its row (report deliveries, file room deliveries share these columns).
import type { PostOutcome } from './post-report';

export function attemptColumns(outcome: PostOutcome, attempts: number, givenUp: boolean, now: Date) {
  return {
    attempts,
    status: outcome.ok ? ('delivered' as const) : givenUp ? ('failed' as const) : ('pending' as const),
    lastStatusCode: outcome.status ?? null,
    lastError: outcome.ok ? null : outcome.error.slice(0, 1000),
    deliveredAt: outcome.ok ? now : null,
  };
}
