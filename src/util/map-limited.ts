/**
 * `map` over async work with at most `limit` tasks in flight: file reads (a large portal would otherwise exhaust file
 * handles) and worker processes (one per core).
 */
export async function mapLimited<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>, limit = 64): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
