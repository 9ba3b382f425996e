import { describe, expect, it } from 'vitest'
import { ThreadPool, WorkerCrashed } from '../src/index.js'
import { HashError } from './fixtures/tasks.js'
import { makePool, TASKS } from './helpers.js'

describe('ThreadPool: errors from the worker', () => {
  it('rethrows a built-in error as the same class, with the worker’s message and stack', async () => {
    await using pool = makePool(1)
    const err = await pool.apply('throwType', ['bad input']).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TypeError)
    expect((err as Error).message).toBe('bad input')
    expect((err as Error).stack).toMatch(/^TypeError: bad input\n/)
    expect((err as Error).stack).toContain('fixtures/tasks.js') // where it was thrown, in the worker
  })

  it('keeps a custom class’s name, own properties and cause', async () => {
    await using pool = makePool(1)
    const err = (await pool.apply('throwCustom', ['no digest']).catch((e: unknown) => e)) as Error &
      Record<string, unknown>
    expect(err).toBeInstanceOf(Error)
    expect(err).not.toBeInstanceOf(HashError) // not registered: an Error with its name
    expect(err.name).toBe('HashError')
    expect(err.message).toBe('no digest')
    expect(err.code).toBe('E_HASH')
    expect(err.detail).toEqual({ rounds: 3 })
    expect(err.cause).toBeInstanceOf(RangeError)
    expect((err.cause as Error).message).toBe('inner cause')
    expect(String(err)).toBe('HashError: no digest')
  })

  it('rebuilds an error as a class given in errorClasses', async () => {
    await using pool = new ThreadPool({ filename: TASKS, size: 1, errorClasses: [HashError] })
    const err = await pool.apply('throwCustom', ['x']).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HashError)
    expect((err as HashError).code).toBe('E_HASH')
  })

  it('keeps the errors of an AggregateError, each rebuilt', async () => {
    await using pool = new ThreadPool({ filename: TASKS, size: 1, errorClasses: [HashError] })
    const err = (await pool.apply('throwAggregate', []).catch((e: unknown) => e)) as AggregateError
    expect(err).toBeInstanceOf(AggregateError)
    expect(err.message).toBe('both failed')
    expect(err.errors[0]).toBeInstanceOf(TypeError)
    expect(err.errors[1]).toBeInstanceOf(HashError)
    expect((err.errors[1] as HashError).message).toBe('second')
  })

  it('rethrows a thrown non-error value as it is', async () => {
    await using pool = makePool(1)
    await expect(pool.apply('throwString', [])).rejects.toBe('just a string')
  })

  it('names the exports when the task does not exist', async () => {
    await using pool = new ThreadPool({ filename: TASKS, size: 1 })
    await expect(pool.apply('nope', [])).rejects.toThrow(
      /has no exported function `nope` \(it exports: .*\badd\b.*\bsquare\b/,
    )
  })

  it('rejects every task with the import error when the tasks module cannot load', async () => {
    const missing = new URL('./fixtures/missing.js', import.meta.url)
    await using pool = new ThreadPool({ filename: missing, size: 1 })
    const err = (await pool.apply('x', []).catch((e: unknown) => e)) as Error & { code?: string }
    expect(err.code).toBe('ERR_MODULE_NOT_FOUND')
    await expect(pool.apply('x', [])).rejects.toThrow(/missing\.js/)
  })

  it('rejects arguments that cannot be cloned with a DataCloneError', async () => {
    await using pool = makePool(1)
    const err = await pool.apply('echo', [() => 1]).catch((e: unknown) => e)
    expect((err as Error).name).toBe('DataCloneError')
    expect(await pool.apply('add', [1, 1])).toBe(2)
  })

  describe('a crashing worker fails only its own task', () => {
    it('process.exit() in a task: WorkerCrashed with the exit code; the other thread’s task succeeds', async () => {
      await using pool = makePool(2)
      const other = pool.spawn('sleepThen', 200)
      const err = await pool.apply('exitNow', [3]).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(WorkerCrashed)
      expect((err as WorkerCrashed).exitCode).toBe(3)
      expect((err as WorkerCrashed).task).toBe('exitNow')
      expect((err as WorkerCrashed).code).toBe('ERR_THREADPOOL_WORKER_CRASHED')
      expect(await other.get()).toBe(200)
      expect(await pool.map('square', [1, 2, 3, 4])).toEqual([1, 4, 9, 16]) // replaced
    })

    it('an error escaping the task: WorkerCrashed with that error as cause', async () => {
      await using pool = makePool(2)
      const other = pool.spawn('sleepThen', 150)
      const err = (await pool.apply('throwLater', []).catch((e: unknown) => e)) as WorkerCrashed
      expect(err).toBeInstanceOf(WorkerCrashed)
      expect(err.exitCode).toBeNull()
      expect(err.cause).toBeInstanceOf(RangeError)
      expect(err.message).toContain('RangeError: escaped the task')
      expect(await other.get()).toBe(150)
      expect(await pool.apply('add', [2, 2])).toBe(4)
    })

    it('a result that cannot be cloned: WorkerCrashed, and the pool goes on', async () => {
      await using pool = makePool(1)
      await expect(pool.apply('returnFunction', [])).rejects.toBeInstanceOf(WorkerCrashed)
      expect(await pool.apply('add', [1, 2])).toBe(3)
    })
  })
})
