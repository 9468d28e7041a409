/**
 * The day the bundled action takes for today in the end-to-end tests (CLOUDTRAIL_PARTITIONS_TODAY):
 * their buckets and `as-of` dates are fixed in March 2026, and the as-of guards refuse a day more
 * than a year back, so with the clock they would start failing in March 2027.
 */
export const E2E_TODAY = '2026-03-20'
export const PINNED_TODAY: Readonly<Record<string, string>> = { CLOUDTRAIL_PARTITIONS_TODAY: E2E_TODAY }

/** The environment that pins the action's today to `day` (YYYY-MM-DD). */
export function pinToday(day: string): Record<string, string> {
  return { CLOUDTRAIL_PARTITIONS_TODAY: day }
}
