// W3: a bounded queue under back-pressure — Queue(maxsize 3), one producer putting 300k
// items, 4 consumers taking them. Nearly every put and get blocks and is handed off.
// `strand` is written as the queue's README does (consumers `for await` the queue, the
// producer calls `shutdown()`); `strand-tuned` gets with `await q.get()` until an end
// marker, as the effect and raw peers do. Also exports the hand-rolled promise queue that
// W3b/W3c use as their `raw` peer.

import { Effect, Queue as EffectQueue, Fiber } from 'effect'
import { joinAll, Queue, spawn } from 'strand'
import type { Workload } from '../workload.js'

const CONSUMERS = 4
const CAPACITY = 3
const DONE = -1
const RESOLVED: Promise<void> = Promise.resolve()

/** A growable ring buffer: O(1) push/shift without Array.shift. */
export class Ring<T> {
  private buf: (T | undefined)[] = new Array(16)
  private head = 0
  length = 0

  push(v: T): void {
    if (this.length === this.buf.length) {
      const old = this.buf
      const next = new Array<T | undefined>(old.length * 2)
      for (let i = 0; i < this.length; i++) next[i] = old[(this.head + i) & (old.length - 1)]
      this.buf = next
      this.head = 0
    }
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = v
    this.length++
  }

  shift(): T {
    const v = this.buf[this.head] as T
    this.buf[this.head] = undefined
    this.head = (this.head + 1) & (this.buf.length - 1)
    this.length--
    return v
  }
}

/** What a hand-rolled queue needs from its item store. */
export interface RawStore<T> {
  readonly length: number
  push(v: T): void
  shift(): T
}

/**
 * The smallest honest bounded queue on raw promises: FIFO getters and putters, direct
 * hand-off, no timeouts, no cancellation (what you would write by hand without a library).
 */
export class RawQueue<T> {
  private readonly getters = new Ring<(v: T) => void>()
  private readonly putters = new Ring<{ item: T; resolve: () => void }>()

  constructor(
    private readonly capacity: number,
    private readonly items: RawStore<T> = new Ring<T>(),
  ) {}

  put(item: T): Promise<void> {
    if (this.getters.length > 0) {
      this.getters.shift()(item)
      return RESOLVED
    }
    if (this.items.length < this.capacity) {
      this.items.push(item)
      return RESOLVED
    }
    return new Promise((resolve) => this.putters.push({ item, resolve }))
  }

  get(): Promise<T> {
    if (this.items.length > 0) {
      const item = this.items.shift()
      if (this.putters.length > 0) {
        const p = this.putters.shift()
        this.items.push(p.item)
        p.resolve()
      }
      return Promise.resolve(item)
    }
    return new Promise((resolve) => this.getters.push(resolve))
  }
}

export function check(sum: number, n: number, id: string): void {
  if (sum !== (n * (n - 1)) / 2) throw new Error(`${id}: wrong sum ${sum} for n = ${n}`)
}

/**
 * Runs 1 producer + 4 consumers over a strand queue the way its README does: consumers
 * `for await` the queue, the producer shuts it down after its last put. Returns the sum.
 */
export async function strandIterate(
  q: Queue<number>,
  items: (i: number) => number,
  n: number,
): Promise<number> {
  let sum = 0
  const consumers = []
  for (let c = 0; c < CONSUMERS; c++) {
    consumers.push(
      spawn(async () => {
        for await (const x of q) sum += x
      }),
    )
  }
  const producer = spawn(async () => {
    for (let i = 0; i < n; i++) await q.put(items(i))
    q.shutdown() // consumers drain what is left, then their loops end
  })
  await joinAll([producer, ...consumers])
  return sum
}

/**
 * Runs 1 producer + 4 consumers over a strand queue with `get()` and an end marker;
 * returns the sum of the items taken. `done` is the end marker each consumer gets once
 * (it must come out after every item).
 */
export async function strandRun(
  q: Queue<number>,
  items: (i: number) => number,
  n: number,
  done = DONE,
): Promise<number> {
  let sum = 0
  const consume = async (): Promise<void> => {
    for (;;) {
      const x = await q.get()
      if (x === done) return
      sum += x
    }
  }
  const produce = async (): Promise<void> => {
    for (let i = 0; i < n; i++) await q.put(items(i))
    for (let i = 0; i < CONSUMERS; i++) await q.put(done)
  }
  const gs = [spawn(produce)]
  for (let i = 0; i < CONSUMERS; i++) gs.push(spawn(consume))
  await joinAll(gs)
  return sum
}

/** The same over a {@link RawQueue}. */
export async function rawRun(
  q: RawQueue<number>,
  items: (i: number) => number,
  n: number,
  done = DONE,
): Promise<number> {
  let sum = 0
  const consume = async (): Promise<void> => {
    for (;;) {
      const x = await q.get()
      if (x === done) return
      sum += x
    }
  }
  const produce = async (): Promise<void> => {
    for (let i = 0; i < n; i++) await q.put(items(i))
    for (let i = 0; i < CONSUMERS; i++) await q.put(done)
  }
  const ps = [produce()]
  for (let i = 0; i < CONSUMERS; i++) ps.push(consume())
  await Promise.all(ps)
  return sum
}

/** The same with effect 4 fibers over an effect `Queue` (bounded or unbounded). */
export function effectRun(
  make: Effect.Effect<EffectQueue.Queue<number>>,
  n: number,
): Promise<number> {
  const program = Effect.gen(function* () {
    const q = yield* make
    let sum = 0
    const consume = Effect.gen(function* () {
      for (;;) {
        const x = yield* EffectQueue.take(q)
        if (x === DONE) return
        sum += x
      }
    })
    const produce = Effect.gen(function* () {
      for (let i = 0; i < n; i++) yield* EffectQueue.offer(q, i)
      for (let i = 0; i < CONSUMERS; i++) yield* EffectQueue.offer(q, DONE)
    })
    const fibers: Fiber.Fiber<void>[] = [yield* Effect.forkChild(produce)]
    for (let i = 0; i < CONSUMERS; i++) fibers.push(yield* Effect.forkChild(consume))
    yield* Fiber.joinAll(fibers)
    return sum
  })
  return Effect.runPromise(program)
}

const identity = (i: number): number => i

export const workload: Workload = {
  id: 'W3',
  title: 'Queue(maxsize 3): 1 producer × 300k items, 4 consumers',
  unit: 'items/s',
  kind: 'throughput',
  n: 300_000,
  target: '≥ 0.5× raw (hand-rolled queue) and ≥ 2.5× effect',
  goals: [
    { peer: 'raw', ratio: 0.5 },
    { peer: 'effect', ratio: 2.5 },
  ],
  peers: {
    strand: async (n) =>
      check(await strandIterate(new Queue({ maxsize: CAPACITY }), identity, n), n, 'W3'),
    'strand-tuned': async (n) =>
      check(await strandRun(new Queue({ maxsize: CAPACITY }), identity, n), n, 'W3'),
    effect: async (n) => check(await effectRun(EffectQueue.bounded<number>(CAPACITY), n), n, 'W3'),
    raw: async (n) => check(await rawRun(new RawQueue(CAPACITY), identity, n), n, 'W3'),
  },
}
