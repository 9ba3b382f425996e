import { type Clock, type Greenlet, getHub, idle, joinAll, spawn } from '@strand/core'
import { Event } from '@strand/event'
import { expect } from 'vitest'
import { type Blocked, forever } from './contract.js'

/** A greenlet blocked in the wait; once granted, it holds what it got until killed. */
export interface Waiter {
  readonly g: Greenlet
  readonly got: unknown[]
  /** What interrupted it while it held what it got. */
  laterKill: unknown
}

/** The waiters of one case, and the end every case goes through. */
export class Scene {
  readonly waiters: Waiter[] = []
  private readonly letGo = new Event()

  constructor(readonly b: Blocked) {}

  /** Starts a waiter and checks it is parked in the wait. */
  async park(name: string): Promise<Waiter> {
    const { b, letGo } = this
    const w: Waiter = { g: null as never, got: [], laterKill: undefined }
    ;(w as { g: Greenlet }).g = spawn(async () => {
      const v = await b.wait() // a kill here ends the greenlet with nothing
      w.got.push(v)
      try {
        await forever()
      } catch (err) {
        w.laterKill = err
      }
      await letGo.wait()
      b.giveBack?.(v)
    })
    w.g.name = name
    this.waiters.push(w)
    await idle()
    expect(parkedOn(w.g), `${name} parked`).toEqual([
      expect.stringMatching(`^${escapeRegExp(b.label)}`),
    ])
    return w
  }

  /** Wakes once if asked, lets every waiter go, then checks nothing was lost or doubled. */
  async end(wake: boolean): Promise<void> {
    if (wake) this.b.wake?.()
    await idle()
    await this.release()
    const kept = this.waiters.filter((w) => w.got.length > 0).length
    await this.b.check(kept)
    if (this.b.waiting !== undefined) expect(this.b.waiting(), 'waiters left').toBe(0)
    expect(getHub().stats().timers, 'timers left').toBe(0)
    await this.b.close?.()
  }

  /** Holders give back what they got; those still waiting are killed. */
  async release(): Promise<void> {
    this.letGo.set()
    for (const w of this.waiters) void w.g.kill()
    await joinAll(this.waiters.map((w) => w.g))
    await idle()
  }
}

/** A non-Strand await (setImmediate polling) that ends once the clock has reached `time`. */
export function foreignAwaitUntil(clock: Clock, time: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = (): void => {
      if (clock.now() >= time) setImmediate(resolve)
      else setImmediate(poll)
    }
    poll()
  })
}

export function parkedOn(g: Greenlet): string[] {
  return (
    getHub()
      .runInfo()
      .find((row) => row.name === g.name)?.waitingOn ?? []
  )
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
