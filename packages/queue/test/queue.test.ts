import { getHub, joinAll, killAll, sleep, spawn, Timeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import {
  Channel,
  Empty,
  Full,
  JoinableQueue,
  LifoQueue,
  PriorityQueue,
  Queue,
} from '../src/index.js'
import { settledAtOnce } from './helpers.js'

const classes = [Queue, LifoQueue, PriorityQueue, JoinableQueue] as const

describe('Queue', () => {
  describe('constructor', () => {
    it('treats null, undefined, 0 and Infinity as unbounded (maxsize null)', () => {
      for (const maxsize of [null, undefined, 0, Number.POSITIVE_INFINITY]) {
        const q = new Queue({ maxsize })
        expect(q.maxsize).toBeNull()
        expect(q.full()).toBe(false)
      }
      expect(new Queue().maxsize).toBeNull()
      expect(new Queue({ maxsize: 2 }).maxsize).toBe(2)
    })

    it('rejects a negative or fractional maxsize with a RangeError naming it', () => {
      expect(() => new Queue({ maxsize: -1 })).toThrow(RangeError)
      expect(() => new Queue({ maxsize: -1 })).toThrow(
        'Expected `maxsize` to be an integer from 0 and up',
      )
      expect(() => new Queue({ maxsize: 1.5 })).toThrow(/got `1.5` \(number\)/)
      expect(() => new Queue({ maxsize: Number.NaN })).toThrow(RangeError)
    })

    it('rejects a non-number maxsize, non-iterable items or non-object options with a TypeError', () => {
      expect(() => new Queue({ maxsize: 'x' as never })).toThrow(/got `x` \(string\)/)
      expect(() => new Queue({ maxsize: 'x' as never })).toThrow(TypeError)
      expect(() => new Queue({ items: 5 as never })).toThrow(/`items`/)
      expect(() => new Queue(7 as never)).toThrow(TypeError)
    })

    it('starts with the given items, even beyond maxsize', () => {
      const q = new Queue({ maxsize: 2, items: [1, 2, 3] })
      expect([q.qsize(), q.full(), q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([
        3,
        true,
        1,
        2,
        3,
      ])
    })
  })

  describe('qsize() / empty() / full()', () => {
    it('track the items held', () => {
      const q = new Queue<string>({ maxsize: 2 })
      expect([q.qsize(), q.empty(), q.full()]).toEqual([0, true, false])
      q.putNowait('a')
      expect([q.qsize(), q.empty(), q.full()]).toEqual([1, false, false])
      q.putNowait('b')
      expect([q.qsize(), q.empty(), q.full()]).toEqual([2, false, true])
    })
  })

  describe('put()', () => {
    it('returns an already settled promise when there is room (no switch)', async () => {
      const q = new Queue<string>()
      const p = q.put('hi')
      expect(q.qsize()).toBe(1)
      expect(await settledAtOnce(p)).toBe(true)
      expect(q.peekNowait()).toBe('hi')
      expect(await q.get()).toBe('hi')
    })

    it('rejects with Full at once with block: false on a full queue', async () => {
      const q = new Queue({ maxsize: 1, items: [1] })
      const p = q.put(2, { block: false })
      expect(await settledAtOnce(p)).toBe(true)
      await expect(p).rejects.toBeInstanceOf(Full)
      expect(q.qsize()).toBe(1)
    })

    it('throws synchronously for a negative timeout, naming it', () => {
      const q = new Queue({ maxsize: 1 })
      expect(() => q.put(1, { timeout: -1 })).toThrow(RangeError)
      expect(() => q.put(1, { timeout: -1 })).toThrow(/`timeout`/)
      expect(() => q.put(1, { timeout: 'soon' as never })).toThrow(TypeError)
      expect(q.qsize()).toBe(0)
    })

    it('waits for room and completes blocked putters in arrival order', async () => {
      const q = new Queue<string>({ maxsize: 1, items: ['init'] })
      const done: number[] = []
      const putters = [0, 1, 2].map((i) =>
        spawn(async () => {
          await q.put(String(i))
          done.push(i)
        }),
      )
      await sleep(0)
      expect([q.qsize(), q.waitingPutters]).toEqual([1, 3])
      const got: string[] = []
      for (let i = 0; i < 4; i++) got.push(await q.get())
      await joinAll(putters)
      expect(got).toEqual(['init', '0', '1', '2'])
      expect(done).toEqual([0, 1, 2])
    })

    it('stops at the bound until a get() makes room', async () => {
      // gevent needs one sleep(0) here; in JS each `await` of a settled put() is a
      // microtask hop that lets already-resumed greenlets run, so yield a few times
      const q = new Queue<string>({ maxsize: 2 })
      const sent: string[] = []
      const putter = spawn(async () => {
        for (const x of ['a', 'b', 'c']) {
          await q.put(x)
          sent.push(x)
        }
      })
      for (let i = 0; i < 3; i++) await sleep(0)
      expect([sent, q.waitingPutters]).toEqual([['a', 'b'], 1])
      expect(await q.get()).toBe('a')
      expect([q.qsize(), q.waitingPutters]).toEqual([2, 0]) // 'c' moved in with the get
      await sleep(0)
      expect(sent).toEqual(['a', 'b', 'c'])
      expect([await q.get(), await q.get()]).toEqual(['b', 'c'])
      await putter.join()
    })

    it('moves the first blocked putter in, in the same step as the get', async () => {
      const q = new Queue<number>({ maxsize: 1, items: [1] })
      spawn(() => q.put(2))
      await sleep(0)
      expect(q.getNowait()).toBe(1)
      expect([q.qsize(), q.full(), q.waitingPutters]).toEqual([1, true, 0])
      expect(q.getNowait()).toBe(2)
    })
  })

  describe('get()', () => {
    it('returns an already settled promise when an item is there', async () => {
      const q = new Queue({ items: ['x'] })
      const p = q.get()
      expect(q.qsize()).toBe(0)
      expect(await settledAtOnce(p)).toBe(true)
      expect(await p).toBe('x')
    })

    it('rejects with Empty at once with block: false, and getNowait() throws it', async () => {
      const q = new Queue()
      await expect(q.get({ block: false })).rejects.toBeInstanceOf(Empty)
      expect(() => q.getNowait()).toThrow(Empty)
      expect(() => q.getNowait()).toThrow(/empty/)
    })

    it('throws synchronously for a negative timeout', () => {
      expect(() => new Queue().get({ timeout: -0.5 })).toThrow(RangeError)
    })

    it('receives an item put later', async () => {
      const q = new Queue<string>()
      spawn(async () => {
        await sleep(0.01)
        await q.put('hi2')
      })
      using _t = Timeout.startNew(1)
      expect(await q.get()).toBe('hi2')
    })

    it('gets an item put by a greenlet that then exits', async () => {
      const q = new Queue<string>()
      spawn(() => q.put('sent'))
      expect(await q.get()).toBe('sent')
    })

    it('serves blocked getters in arrival order after the putter yields', async () => {
      const q = new Queue<string>()
      const log: unknown[] = []
      const getters = [0, 1, 2].map((i) => spawn(async () => log.push(['got', i, await q.get()])))
      await sleep(0)
      for (const x of ['a', 'b', 'c']) {
        q.putNowait(x)
        log.push(['put', x])
      }
      await joinAll(getters)
      expect(log).toEqual([
        ['put', 'a'],
        ['put', 'b'],
        ['put', 'c'],
        ['got', 0, 'a'],
        ['got', 1, 'b'],
        ['got', 2, 'c'],
      ])
    })

    it('hands an item straight to a waiting getter, bypassing the buffer', async () => {
      const q = new Queue<string>()
      let got: string | undefined
      spawn(async () => {
        got = await q.get()
      })
      await sleep(0)
      q.putNowait('a')
      q.putNowait('b')
      expect([q.qsize(), got]).toEqual([1, undefined]) // 'a' is claimed, the getter has not run yet
      await sleep(0)
      expect([got, q.qsize(), q.getNowait()]).toEqual(['a', 1, 'b'])
    })

    it('makes results available one put at a time', async () => {
      const q = new Queue<number>()
      const results: number[] = []
      for (let i = 0; i < 4; i++) spawn(async () => results.push(await q.get()))
      await sleep(0)
      for (const [n, want] of [
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
      ] as const) {
        q.putNowait(n)
        await sleep(0)
        expect(results.length).toBe(want)
      }
      expect(results).toEqual([1, 2, 3, 4])
    })
  })

  describe('timeouts', () => {
    for (const Cls of [...classes, Channel]) {
      it(`${Cls.name}.get({ timeout }) rejects with an Empty that says what waited and how long`, async () => {
        const q = Cls === Channel ? new Channel() : new Cls()
        const err = await q.get({ timeout: 0.01 }).catch((e: unknown) => e)
        expect(err).toBeInstanceOf(Empty)
        expect((err as Empty).seconds).toBe(0.01)
        expect((err as Empty).message).toMatch(
          `${Cls.name}.get() found the queue empty after 0.01 seconds`,
        )
      })
    }
  })

  describe('dead waiters', () => {
    it('10k killed getters leave no entry behind', async () => {
      const q = new Queue<number>()
      const gs = Array.from({ length: 10_000 }, () => spawn(() => q.get()))
      await sleep(0)
      expect(q.waitingGetters).toBe(10_000)
      await killAll(gs)
      expect(q.waitingGetters).toBe(0)
      q.putNowait(1)
      expect(q.qsize()).toBe(1)
    })
  })

  describe('hub callbacks', () => {
    it('putNowait() from a callback fills, then throws Full', async () => {
      const q = new Queue<number>({ maxsize: 1 })
      const results: unknown[] = []
      const put = (n: number): void => {
        try {
          q.putNowait(n)
          results.push('ok')
        } catch (err) {
          results.push(err instanceof Full ? 'Full' : err)
        }
      }
      getHub().schedule(put, 1)
      getHub().schedule(put, 2)
      await sleep(0)
      expect(results).toEqual(['ok', 'Full'])
    })

    it('putNowait() from a callback hands the item to a blocked getter', async () => {
      const q = new Queue<number>()
      const g = spawn(() => q.get())
      await sleep(0)
      getHub().schedule((n: number) => q.putNowait(n), 10)
      await sleep(0.001)
      expect([g.dead, g.value, q.empty()]).toEqual([true, 10, true])
    })

    it('getNowait() from a callback returns the item, then throws Empty', async () => {
      const q = new Queue({ items: [4] })
      const results: unknown[] = []
      const get = (): void => {
        try {
          results.push(q.getNowait())
        } catch (err) {
          results.push(err instanceof Empty ? 'Empty' : err)
        }
      }
      getHub().schedule(get, undefined)
      getHub().schedule(get, undefined)
      await sleep(0)
      expect(results).toEqual([4, 'Empty'])
    })

    it('getNowait() from a callback takes the item of a greenlet that filled the queue', async () => {
      const q = new Queue<number>({ maxsize: 1 })
      const g = spawn(() => q.put(5))
      await sleep(0)
      expect(q.full()).toBe(true)
      let got: number | undefined
      getHub().schedule(() => {
        got = q.getNowait()
      }, undefined)
      await sleep(0)
      expect([got, q.empty(), g.dead]).toEqual([5, true, true])
    })
  })

  describe('peek()', () => {
    it('returns the next item without removing it or unblocking a putter', async () => {
      const q = new Queue<string>({ maxsize: 1, items: ['x'] })
      spawn(() => q.put('y'))
      await sleep(0)
      expect(await q.peek()).toBe('x')
      expect(q.peekNowait()).toBe('x')
      expect([q.qsize(), q.waitingPutters]).toEqual([1, 1])
      expect(q.getNowait()).toBe('x')
      expect(q.peekNowait()).toBe('y')
    })

    it('rejects with Empty on timeout or block: false', async () => {
      const q = new Queue()
      await expect(q.peek({ timeout: 0.01 })).rejects.toBeInstanceOf(Empty)
      await expect(q.peek({ block: false })).rejects.toThrow(/Queue.peek\(\)/)
      expect(() => q.peekNowait()).toThrow(Empty)
    })
  })

  describe('kill', () => {
    it('interrupts a blocked get() with the kill exception', async () => {
      const q = new Queue()
      const g = spawn(() => q.get())
      await sleep(0)
      const joined = g.join() // observe it, so the hub does not report the exception
      await g.kill(new RangeError('stop'))
      await joined
      expect(g.exception).toBeInstanceOf(RangeError)
      expect(q.waitingGetters).toBe(0)
    })
  })
})

describe('Full messages', () => {
  it('names putNowait and says to use put() to wait', () => {
    const q = new Queue<number>({ maxsize: 1 })
    q.putNowait(1)
    expect(() => q.putNowait(2)).toThrow(
      /^Queue\.putNowait\(\) found the queue full; use put\(\) to wait for room/,
    )
  })

  it('does not suggest a larger maxsize on a Channel', () => {
    const ch = new Channel<number>()
    let message = ''
    try {
      ch.putNowait(1)
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).toMatch(
      /^Channel\.putNowait\(\) found no getter waiting; use put\(\) to wait for a getter$/,
    )
  })
})

describe('Empty messages', () => {
  it('name getNowait and peekNowait and say which call waits', () => {
    const q = new Queue<number>()
    expect(() => q.getNowait()).toThrow(
      /^Queue\.getNowait\(\) found the queue empty; use get\(\) to wait/,
    )
    expect(() => q.peekNowait()).toThrow(
      /^Queue\.peekNowait\(\) found the queue empty; use peek\(\) to wait/,
    )
    q.shutdown()
    expect(() => q.putNowait(1)).toThrow(/^Queue\.putNowait\(\) failed: the queue was shut down/)
  })
})
