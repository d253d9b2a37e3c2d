/** Ranking helpers for the search page, pure so that they are tested directly. */

/**
 * How close the query's words stand in an article: the shortest stretch of the record that holds one place of each
 * word (`places`, one sorted list per word). Infinity when a word has no place; 0 for a query of one word.
 */
export function closeness(places: number[][]): number {
  if (places.length < 2) return 0;
  if (places.some((p) => p.length === 0)) return Infinity;
  const next = places.map(() => 0);
  let best = Infinity;
  for (;;) {
    let low = 0;
    let high = 0;
    for (let i = 0; i < places.length; i++) {
      const at = places[i]![next[i]!]!;
      if (at < places[low]![next[low]!]!) low = i;
      if (at > places[high]![next[high]!]!) high = i;
    }
    best = Math.min(best, places[high]![next[high]!]! - places[low]![next[low]!]!);
    if (++next[low]! >= places[low]!.length) return best;
  }
}

