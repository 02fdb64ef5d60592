// How long a failed task waits before it is offered again: exponential backoff with full
// jitter, inside the policy's range (`backoff: 1m..1h`).
//
// After the n-th failure the ceiling is min(largest, smallest * 2^(n-1)); the wait is drawn
// uniformly between the smallest wait and that ceiling. The first failure waits exactly the
// smallest wait; later ones spread out, so workers that failed together do not return
// together. Times are whole seconds, rounded up.

export interface BackoffRange {
  readonly min: number;
  readonly max: number;
}

/** The wait in ms after `attempts` failures (attempts >= 1), for a random number in [0, 1). */
export function backoffDelay(range: BackoffRange, attempts: number, random: number): number {
  const ceiling = Math.min(range.max, range.min * 2 ** Math.max(0, attempts - 1));
  const wait = range.min + random * (ceiling - range.min);
  return Math.ceil(wait / 1000) * 1000;
}
