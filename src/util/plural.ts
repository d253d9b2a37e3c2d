/** "1 article", "2 articles": a count with its noun in the right number (nouns with a plain plural unless given). */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
