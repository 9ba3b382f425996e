import { describe, expect, expectTypeOf, it } from 'vitest'
import { ThreadPool } from '../src/index.js'
import { makePool, TASKS, type Tasks } from './helpers.js'

// The @ts-expect-error lines fail the typecheck (tsc runs over the tests) if the call
// they mark ever becomes accepted. Never called: it is there for the compiler.
async function rejectedByTheCompiler(pool: ThreadPool<Tasks>): Promise<void> {
  // @ts-expect-error: no such export
  await pool.apply('nope', [])
  // @ts-expect-error: wrong argument type
  await pool.apply('add', ['1', 2])
  // @ts-expect-error: missing argument
  await pool.apply('add', [1])
  // @ts-expect-error: map's items are the task's first parameter
  await pool.map('square', ['x'])
  // @ts-expect-error: wrong spread arguments
  pool.spawn('add', 1)
}

describe('ThreadPool<typeof import(tasks)>', () => {
  it('checks names, arguments and results against the module’s exports', async () => {
    expect(typeof rejectedByTheCompiler).toBe('function')
    await using pool = makePool(1)
    expectTypeOf(await pool.apply('add', [1, 2])).toEqualTypeOf<number>()
    expectTypeOf(await pool.apply('hash', ['x', 2])).toEqualTypeOf<string>()
    expectTypeOf(await pool.apply('sleepThen', [1])).toEqualTypeOf<number>() // awaited
    expectTypeOf(await pool.spawn('add', 1, 2).get()).toEqualTypeOf<number>()
    const squares = await pool.map('square', [1, 2])
    expectTypeOf(squares).toEqualTypeOf<number[]>()
    expect(squares).toEqual([1, 4])
  })

  it('without a module type accepts any name, with unknown results', async () => {
    await using pool = new ThreadPool({ filename: TASKS, size: 1 })
    const sum = await pool.apply('add', [1, 2])
    expectTypeOf(sum).toEqualTypeOf<unknown>()
    expect(sum).toBe(3)
  })
})
