import { getHub, joinAll, sleep, spawn, Timeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Channel, Empty, Full, ShutDown } from '../src/index.js'

describe('Channel', () => {
  it('holds nothing: qsize 0, empty() and full() always true, maxsize 0', async () => {
    const ch = new Channel<number>()
    expect([ch.qsize(), ch.empty(), ch.full(), ch.maxsize]).toEqual([0, true, true, 0])
    spawn(() => ch.put(1))
    await sleep(0)
    expect([ch.qsize(), ch.empty(), ch.full(), ch.balance]).toEqual([0, true, true, 1])
    spawn(() => ch.get())
    spawn(() => ch.get())
    await sleep(0)
    expect(ch.balance).toBe(-1)
    ch.putNowait(2)
  })

  describe('put()', () => {
    it('does not complete until a receiver takes the item', async () => {
      const ch = new Channel<string>()
      const log: unknown[] = []
      const sender = spawn(async () => {
        log.push('put-start')
        await ch.put('hi')
        log.push('put-returned')
      })
      await sleep(0.005)
      expect(log).toEqual(['put-start'])
      const receiver = spawn(async () => log.push(['got', await ch.get()]))
      using _t = Timeout.startNew(1)
      await joinAll([sender, receiver])
      expect(log).toEqual(['put-start', ['got', 'hi'], 'put-returned'])
    })

    it('hands over at once to a waiting getter (main puts twice)', async () => {
      // gevent's put switches to the getter; Strand's returns at once (the getter has
      // claimed the item), so 'sent world' comes before the getter resumes with 'world'
      const ch = new Channel<string>()
      const events: string[] = []
      const getter = spawn(async () => {
        events.push(await ch.get())
        events.push(await ch.get())
      })
      events.push('sending')
      await ch.put('hello')
      events.push('sent hello')
      await ch.put('world')
      events.push('sent world')
      await getter.join()
      expect(events).toEqual(['sending', 'hello', 'sent hello', 'sent world', 'world'])
    })

    it('putNowait() throws Full without a waiting getter', async () => {
      const ch = new Channel<number>()
      expect(() => ch.putNowait(1)).toThrow(Full)
      const results: string[] = []
      const put = (): void => {
        try {
          ch.putNowait(1)
          results.push('ok')
        } catch (err) {
          results.push(err instanceof Full ? 'Full' : String(err))
        }
      }
      getHub().schedule(put, undefined)
      getHub().schedule(put, undefined)
      await sleep(0)
      expect(results).toEqual(['Full', 'Full'])
    })

    it('serves blocked putters in arrival order', async () => {
      const ch = new Channel<number>()
      for (const n of [1, 2, 3]) spawn(() => ch.put(n))
      await sleep(0)
      expect([await ch.get(), await ch.get(), await ch.get()]).toEqual([1, 2, 3])
    })
  })

  describe('get()', () => {
    it('takes from a blocked putter (getter in main)', async () => {
      const ch = new Channel<string>()
      const events: string[] = []
      const putter = spawn(async () => {
        events.push('sending hello')
        await ch.put('hello')
        events.push('sending world')
        await ch.put('world')
        events.push('sent world')
      })
      events.push('waiting')
      events.push(await ch.get())
      events.push(await ch.get())
      expect(events.slice(0, 2)).toEqual(['waiting', 'sending hello'])
      expect(events.filter((e) => e === 'hello' || e === 'world')).toEqual(['hello', 'world'])
      await putter.join()
      expect(events.at(-1)).toBe('sent world')
    })

    it('getNowait() from a callback takes the item of a blocked putter', async () => {
      const ch = new Channel<string>()
      const putter = spawn(() => ch.put('x'))
      await sleep(0)
      let got: string | undefined
      getHub().schedule(() => {
        got = ch.getNowait()
        expect([ch.empty(), ch.full()]).toEqual([true, true])
      }, undefined)
      await putter.join()
      expect(got).toBe('x')
      expect(() => ch.getNowait()).toThrow(Empty)
    })

    it('peek() shows the first waiting putter item without taking it', async () => {
      const ch = new Channel<string>()
      const peeker = spawn(() => ch.peek())
      await sleep(0)
      spawn(() => ch.put('p'))
      expect(await peeker.get()).toBe('p')
      expect(ch.peekNowait()).toBe('p')
      expect(await ch.get()).toBe('p')
    })
  })

  describe('[Symbol.asyncIterator]()', () => {
    it('ends when the sender shuts the channel down', async () => {
      const ch = new Channel<string>()
      spawn(() => ch.shutdown())
      const items: string[] = []
      for await (const x of ch) items.push(x)
      expect(items).toEqual([])
    })

    it('yields what was sent before the shutdown', async () => {
      const ch = new Channel<number>()
      spawn(async () => {
        for (let i = 0; i < 3; i++) await ch.put(i)
        ch.shutdown()
      })
      const items: number[] = []
      for await (const x of ch) items.push(x)
      expect(items).toEqual([0, 1, 2])
    })
  })

  describe('shutdown()', () => {
    it('fails a blocked sender with ShutDown and drops its item', async () => {
      const ch = new Channel<number>()
      const sender = spawn(() => ch.put(1))
      await sleep(0)
      ch.shutdown()
      await expect(sender.get()).rejects.toBeInstanceOf(ShutDown)
      expect(() => ch.getNowait()).toThrow(ShutDown)
    })
  })
})
