import { Greenlet, GreenletExit, sleep, Timeout } from '@strand/core'
import type { Blocked, BlockingWait } from './contract.js'

/** A greenlet that is never started: killing it ends it at once, waking whoever waits on it. */
function target(): { g: Greenlet; blocked: Pick<Blocked, 'wake' | 'close'> } {
  const g = new Greenlet(() => 'ran')
  g.name = 'target'
  const end = (): void => {
    void g.kill()
  }
  return { g, blocked: { wake: end, close: end } }
}

export const CORE_WAITS: BlockingWait[] = [
  {
    name: 'sleep',
    onlyTime: true,
    ownTimeout: { resolves: undefined }, // its duration is its timeout
    make: () => ({
      label: 'sleep',
      wait: (timeout) => sleep(timeout ?? 3600),
      granted: (v) => v === undefined,
      check: () => {},
    }),
  },
  {
    name: 'Greenlet.join',
    ownTimeout: { resolves: false },
    broadcast: true,
    make: () => {
      const { g, blocked } = target()
      return {
        ...blocked,
        label: 'join(target)',
        wait: (timeout) => g.join(timeout === undefined ? undefined : { timeout }),
        granted: (v) => v === true,
        check: () => {
          // the waiters are gone; the target ended once, by the one wake
          if (!g.dead) throw new Error('the wake did not end the target')
        },
      }
    },
  },
  {
    name: 'Greenlet.get',
    ownTimeout: { rejects: Timeout },
    broadcast: true,
    make: () => {
      const { g, blocked } = target()
      return {
        ...blocked,
        label: 'get(target)',
        wait: (timeout) => g.get(timeout === undefined ? undefined : { timeout }),
        granted: (v) => v instanceof GreenletExit, // a killed greenlet's value
        check: () => {
          if (!g.dead) throw new Error('the wake did not end the target')
        },
      }
    },
  },
]
