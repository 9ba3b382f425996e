import type { Log } from '@strand/demo-kit'
import { Empty, Full, Queue } from 'strand'

export const title = 'getNowait / putNowait: Empty and Full instead of waiting'

function outcome(fn: () => unknown): string {
  try {
    const value = fn()
    return value === undefined ? 'succeeds' : `returns ${String(value)}`
  } catch (err) {
    if (err instanceof Empty || err instanceof Full) return `raises ${err.name}`
    throw err
  }
}

/** The non-blocking forms never wait: they raise Empty or Full when they cannot proceed. */
export async function main(log: Log = console.log): Promise<void> {
  const q = new Queue<string>({ maxsize: 1 })
  log(`getNowait() on an empty queue ${outcome(() => q.getNowait())}`)
  log(`putNowait('a') ${outcome(() => q.putNowait('a'))}`)
  log(`putNowait('b') on a full queue (maxsize 1) ${outcome(() => q.putNowait('b'))}`)
  log(`getNowait() ${outcome(() => q.getNowait())}`)
}
