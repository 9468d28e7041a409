/**
 * A sync churns through short-lived objects: each GetPartitions page is a few megabytes of response
 * text, parsed objects and their copies, ten pages at a time, and each BatchCreatePartition sends a
 * hundred storage descriptors. With the sync's own state down to a few megabytes, V8's headroom for
 * that garbage was most of the peak RSS, measured with the bundle against the stand-in:
 * - the young generation: V8 grows it while many objects survive a scavenge (pages in flight do),
 *   up to 2 x 16 MB in Node 20 and 2 x 64 MB in Node 24 (Node's pointers are not compressed). Its
 *   size can only be set at start-up, but its growth can be stopped at run time: Node 24, second
 *   sync of 110,000 partitions, 326 MB -> 196 MB peak RSS for 25% more CPU (450,000 partitions,
 *   first sync: 263 -> 158 MB, +18% CPU);
 * - the old generation: V8 lets it grow up to four times what is live between full collections,
 *   and response buffers outside the heap wait for those collections. A growth factor of 2: Node 20,
 *   second sync of 450,000 partitions, 226-235 MB -> 180-188 MB for about 4% more CPU.
 * Setting --max-old-space-size or --max-semi-space-size at run time has no effect.
 */
import { setFlagsFromString } from 'node:v8'

/** V8 flags set at the start of a sync (tested to exist in the running Node). */
export const HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=100'] as const

/** Keeps the young generation at its start-up size and lets the heap at most double between full collections. */
export function keepHeapGrowthSmall(): void {
  for (const flag of HEAP_FLAGS) setFlagsFromString(flag)
}
