/** `map` over async work with at most `limit` tasks in flight: a large portal would otherwise exhaust file handles. */
export async function mapLimited<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limit = 64): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
