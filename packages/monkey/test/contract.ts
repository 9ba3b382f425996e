import { GreenletExit, spawn, Timeout, withTimeout } from '@strand/core'
import { expect, it } from 'vitest'
import { leftover, pause, resources, since } from './helpers.js'

/** One blocking operation under test, made fresh for each run. */
export interface Blocker {
  /** The call a greenlet awaits; it would take far longer than the test. */
  block(): Promise<unknown>
  /** Checks after the interrupt (a child pid is gone, the server saw the close, …). */
  after?(): Promise<void>
  /** Tears down what `make` set up (servers, files). */
  close?(): Promise<void>
  /** Seconds the call gets to be well under way before the interrupt (default 0.05). */
  settle?: number
}

/**
 * gevent's generic wait contract, for a Node call under the patches: a greenlet awaiting
 * it is interrupted promptly by kill() (it sees GreenletExit) and by withTimeout (it sees
 * the Timeout, not an AbortError), and nothing of the call stays active afterwards.
 */
export function interruptible(name: string, make: () => Promise<Blocker>): void {
  it(`${name}: kill() interrupts it promptly with GreenletExit, leaving nothing behind`, async () => {
    const b = await make()
    try {
      const baseline = resources()
      let seen: unknown
      const g = spawn(async () => {
        try {
          await b.block()
        } catch (err) {
          seen = err
          throw err
        }
      })
      await pause((b.settle ?? 0.05) * 1000)
      expect(g.dead).toBe(false) // it really blocks
      const start = performance.now()
      await g.kill()
      expect(since(start)).toBeLessThan(1000)
      expect(seen).toBeInstanceOf(GreenletExit)
      await b.after?.()
      expect(await leftover(baseline)).toEqual([])
    } finally {
      await b.close?.()
    }
  })

  it(`${name}: withTimeout() interrupts it promptly with the Timeout, leaving nothing behind`, async () => {
    const b = await make()
    try {
      const baseline = resources()
      const g = spawn(async () => {
        let seen: unknown
        const start = performance.now()
        const outcome = await withTimeout(
          b.settle ?? 0.05,
          async () => {
            try {
              await b.block()
            } catch (err) {
              seen = err // what the call itself rejected with
              throw err
            }
          },
          { timeoutValue: 'timeout' },
        )
        return { outcome, seen, ms: since(start) }
      })
      const { outcome, seen, ms } = await g.get()
      expect(outcome).toBe('timeout')
      expect(seen).toBeInstanceOf(Timeout) // not an AbortError
      expect(ms).toBeLessThan(1000)
      await b.after?.()
      expect(await leftover(baseline)).toEqual([])
    } finally {
      await b.close?.()
    }
  })
}
