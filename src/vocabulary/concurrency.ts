/**
 * Runs `worker` over the items of a (possibly async, possibly endless-looking) iterable with at most
 * `concurrency` in flight. Items are pulled only when a slot is free, so a generator upstream is
 * never drained ahead of the work: memory stays flat however many items there are.
 */
export async function forEachConcurrent<T>(
  items: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  worker: (item: T) => Promise<void>
): Promise<void> {
  const iterator =
    Symbol.asyncIterator in items
      ? (items as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (items as Iterable<T>)[Symbol.iterator]()
  let failure: { error: unknown } | undefined
  const lane = async (): Promise<void> => {
    while (!failure) {
      const next = await iterator.next()
      if (next.done) return
      try {
        await worker(next.value)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane))
  if (failure) throw failure.error
}

/** Maps with bounded concurrency, keeping the input order in the result. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  await forEachConcurrent(items.keys(), concurrency, async (index) => {
    results[index] = await worker(items[index] as T)
  })
  return results
}
