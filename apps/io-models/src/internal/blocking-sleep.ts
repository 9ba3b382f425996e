const cell = new Int32Array(new SharedArrayBuffer(4))

/**
 * Blocks the whole thread for `seconds`, like an unpatched `time.sleep`: nothing else
 * runs meanwhile, no greenlet, no timer, no I/O callback.
 */
export function blockingSleep(seconds: number): void {
  Atomics.wait(cell, 0, 0, seconds * 1000)
}

/** Seconds since `start` (a `performance.now()` reading), real time. */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000
}
