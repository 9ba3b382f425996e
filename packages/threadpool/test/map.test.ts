import { sleep } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { flags, makePool } from './helpers.js'

describe('ThreadPool: map, imap, imapUnordered', () => {
  it('map() resolves to the results in input order', async () => {
    await using pool = makePool(3)
    expect(await pool.map('sleepThen', [60, 10, 30])).toEqual([60, 10, 30])
    expect(await pool.map('square', [])).toEqual([])
  })

  it('imap() streams in input order, imapUnordered() in completion order', async () => {
    await using pool = makePool(3)
    const ordered: number[] = []
    for await (const ms of pool.imap('sleepThen', [90, 10, 40])) ordered.push(ms)
    expect(ordered).toEqual([90, 10, 40])
    const unordered: number[] = []
    for await (const ms of pool.imapUnordered('sleepThen', [90, 10, 40])) unordered.push(ms)
    expect(unordered).toEqual([10, 40, 90])
  })

  it('takes async iterables', async () => {
    await using pool = makePool(2)
    async function* numbers() {
      for (let i = 1; i <= 4; i++) {
        await sleep(0.001)
        yield i
      }
    }
    expect(await pool.map('square', numbers())).toEqual([1, 4, 9, 16])
  })

  it('pulls input only when a thread is free (one task waits ahead of the threads)', async () => {
    await using pool = makePool(2)
    const done = flags(1)
    let pulled = 0
    let mostAhead = 0
    function* jobs() {
      for (let i = 0; i < 12; i++) {
        // started and not finished yet (the count of finished ones can only lag)
        mostAhead = Math.max(mostAhead, pulled - Atomics.load(done, 0))
        pulled++
        yield { ms: 30, done }
      }
    }
    expect(await pool.map('spinThenCount', jobs())).toEqual(Array(12).fill(30))
    expect(mostAhead).toBeLessThanOrEqual(2 + 1) // size, plus one waiting ahead
    expect(mostAhead).toBeGreaterThanOrEqual(2) // both threads busy
  })

  it('runs over an endless generator in bounded memory; break stops the tasks in flight', async () => {
    await using pool = makePool(2)
    const finished = flags(64)
    let pulled = 0
    function* forever() {
      for (let i = 0; ; i++) {
        pulled++
        // the first three are quick; the rest would run long and then set their flag
        yield i < 3 ? { ms: 1 } : { ms: 600, flags: finished, index: i % 64 }
      }
    }
    const seen: number[] = []
    for await (const ms of pool.imap('spinJob', forever())) {
      seen.push(ms)
      if (seen.length === 3) break
    }
    expect(seen).toEqual([1, 1, 1])
    expect(pulled).toBeLessThan(10)
    await sleep(0.8)
    expect(Array.from(finished).every((f) => f === 0)).toBe(true) // stopped, not finished later
    expect(pool.pending).toBe(0)
    expect(await pool.apply('add', [1, 2])).toBe(3) // the threads were replaced
  })

  it('throws the first failure and stops the rest', async () => {
    await using pool = makePool(2)
    const results: number[] = []
    const run = async () => {
      for await (const x of pool.imap('failOn3', [1, 2, 3, 4, 5])) results.push(x)
    }
    await expect(run()).rejects.toThrow(RangeError)
    expect(results).toEqual([1, 2])
    await expect(pool.map('failOn3', [3])).rejects.toThrow('three')
  })

  it('throws an error of the input after the results before it', async () => {
    await using pool = makePool(2)
    function* broken() {
      yield 1
      yield 2
      throw new Error('input broke')
    }
    const results: number[] = []
    const run = async () => {
      for await (const x of pool.imapUnordered('square', broken())) results.push(x)
    }
    await expect(run()).rejects.toThrow('input broke')
    expect(results.sort()).toEqual([1, 4])
  })

  it('rejects a bad name, items or maxsize synchronously', () => {
    const pool = makePool(1)
    expect(() => pool.map('' as 'square', [1])).toThrow(/`name`/)
    expect(() => pool.imap('square', 5 as never)).toThrow(/`items`/)
    expect(() => pool.imapUnordered('square', [1], { maxsize: -1 })).toThrow(/`maxsize`/)
  })
})
