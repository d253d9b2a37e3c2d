/** A whole number above zero from an environment variable (tests and tuning use these), or `fallback`. */
export function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
