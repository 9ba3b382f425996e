import { Channel, Empty, Full, JoinableQueue, LifoQueue, PriorityQueue, Queue } from '@strand/queue'
import { expect } from 'vitest'
import { type Blocked, type BlockingWait, drain, sorted } from './contract.js'

type Kind = new (opts?: { maxsize?: number; items?: number[] }) => Queue<number>
const KINDS: Kind[] = [Queue, LifoQueue, PriorityQueue, JoinableQueue]
const opts = (timeout: number | undefined) => (timeout === undefined ? undefined : { timeout })

/** Every item accepted is counted once in `unfinishedTasks` (nobody calls taskDone here). */
function checkUnfinished(q: Queue<number>, accepted: number): void {
  if (q instanceof JoinableQueue) expect(q.unfinishedTasks).toBe(accepted)
}

/** `get()` on an empty queue; the wake puts one item. The items that got in = those taken + left. */
function getter(make: () => Queue<number>): () => Blocked {
  return () => {
    const q = make()
    const accepted: number[] = []
    const got: number[] = []
    let next = 1
    return {
      label: `${q.constructor.name}.get`,
      wait: (timeout) => q.get(opts(timeout)),
      waiting: () => q.waitingGetters,
      wake: () => {
        const item = next++
        try {
          q.putNowait(item)
          accepted.push(item)
        } catch (err) {
          expect(q).toBeInstanceOf(Channel) // only a Channel refuses an item: nobody takes it
          expect(err).toBeInstanceOf(Full)
        }
      },
      granted: (v) => typeof v === 'number' && accepted.includes(v),
      giveBack: (v) => got.push(v as number),
      check: (kept) => {
        expect(got).toHaveLength(kept)
        expect(sorted([...got, ...drain(q, Empty)])).toEqual(sorted(accepted))
        expect(q.waitingGetters).toBe(0)
        checkUnfinished(q, accepted.length)
      },
    }
  }
}

/**
 * `put()` on a full queue (a bounded queue holding one item; a Channel with no getter);
 * the wake takes one item, which lets the first putter's item in. At the end the items
 * taken and left are exactly the first item plus those of the puts that resolved.
 */
function putter(make: () => Queue<number>, initial: number[]): () => Blocked {
  return () => {
    const q = make()
    const taken: number[] = []
    const putDone: number[] = []
    let next = 1
    return {
      label: `${q.constructor.name}.put`,
      wait: (timeout) => {
        const item = next++
        return q.put(item, opts(timeout)).then(() => item)
      },
      waiting: () => q.waitingPutters,
      wake: () => {
        try {
          taken.push(q.getNowait())
        } catch (err) {
          expect(q).toBeInstanceOf(Channel) // nobody offers an item to take
          expect(err).toBeInstanceOf(Empty)
        }
      },
      granted: (v) => typeof v === 'number',
      giveBack: (v) => putDone.push(v as number),
      check: (kept) => {
        expect(putDone).toHaveLength(kept)
        const left = drain(q, Empty)
        expect(sorted([...taken, ...left])).toEqual(sorted([...initial, ...putDone]))
        expect(q.waitingPutters).toBe(0)
        checkUnfinished(q, initial.length + putDone.length)
      },
    }
  }
}

/**
 * `peek()` on an empty queue; the wake offers one item (a Channel: the test's own `put()`,
 * parked until the check takes it). Every peeker sees it and it stays.
 */
function peeker(make: () => Queue<number>): () => Blocked {
  return () => {
    const q = make()
    const offered: number[] = []
    const puts: Promise<void>[] = []
    return {
      label: `${q.constructor.name}.peek`,
      wait: (timeout) => q.peek(opts(timeout)),
      wake: () => {
        offered.push(1)
        if (q instanceof Channel) puts.push(q.put(1))
        else q.putNowait(1)
      },
      granted: (v) => v === 1,
      check: async () => {
        expect(drain(q, Empty)).toEqual(offered) // peeking took nothing
        await Promise.all(puts)
        checkUnfinished(q, offered.length)
      },
    }
  }
}

const bounded = (K: Kind) => () => new K({ maxsize: 1, items: [0] })
const unbounded = (K: Kind) => () => new K()
const channel = () => new Channel<number>()

export const QUEUE_WAITS: BlockingWait[] = [
  ...KINDS.flatMap((K): BlockingWait[] => [
    { name: `${K.name}.get`, ownTimeout: { rejects: Empty }, make: getter(unbounded(K)) },
    { name: `${K.name}.put`, ownTimeout: { rejects: Full }, make: putter(bounded(K), [0]) },
    {
      name: `${K.name}.peek`,
      ownTimeout: { rejects: Empty },
      broadcast: true,
      make: peeker(unbounded(K)),
    },
  ]),
  { name: 'Channel.get', ownTimeout: { rejects: Empty }, make: getter(channel) },
  { name: 'Channel.put', ownTimeout: { rejects: Full }, make: putter(channel, []) },
  { name: 'Channel.peek', ownTimeout: { rejects: Empty }, broadcast: true, make: peeker(channel) },
  {
    name: 'JoinableQueue.join',
    ownTimeout: { resolves: false },
    broadcast: true,
    make: () => {
      const q = new JoinableQueue<number>({ items: [1] })
      return {
        label: 'JoinableQueue.join',
        wait: (timeout) => q.join(opts(timeout)),
        wake: () => {
          q.getNowait()
          q.taskDone()
        },
        granted: (v) => v === true,
        check: () => expect(q.unfinishedTasks).toBe(0),
      }
    },
  },
]
