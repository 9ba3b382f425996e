import { type ChildProcess, exec, execFile, fork, spawn as spawnChild } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { spawn, Timeout } from '@strand/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patchChildProcess, patchEvents, unpatchAll } from '../src/index.js'
import { interruptible } from './contract.js'
import { pause, pidGone } from './helpers.js'

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname

beforeAll(() => {
  patchChildProcess()
  patchEvents() // greenlets await children with events.once, as they would under patchAll()
})
afterAll(() => {
  unpatchAll()
})

/** The pids of `pid`'s children (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter((w) => w !== '')
      .map(Number)
  } catch {
    return []
  }
}

/**
 * Starts a child, notes its pid and, once they exist, the `below` processes it starts
 * (a shell's command), blocks on it, and afterwards checks they are all gone.
 */
function watched(
  start: () => ChildProcess | Promise<unknown>,
  getChild: (r: unknown) => ChildProcess,
  below = 0,
) {
  let pids: number[] = []
  return {
    settle: 0.3, // a child process takes a while to start on a busy machine
    block: async () => {
      const started = start()
      const child = getChild(started)
      if (child.pid !== undefined) pids = [child.pid]
      for (let i = 0; i < 100 && child.pid !== undefined && pids.length <= below; i++) {
        await pause(5) // not interruptible: a kill meanwhile is raised at the wait below
        pids = [child.pid, ...childrenOf(child.pid)]
      }
      return started instanceof Promise ? started : once(child, 'exit')
    },
    after: async () => {
      expect(pids.length).toBe(1 + below)
      for (const pid of pids) expect(await pidGone(pid), `pid ${pid}`).toBe(true)
    },
  }
}

describe('child processes inside a greenlet', () => {
  interruptible("exec('sleep 10'): the shell and its sleep", async () => {
    let child: ChildProcess | undefined
    return watched(
      () => (child = exec('sleep 10')),
      () => child as ChildProcess,
      1,
    )
  })
  interruptible("exec('sleep 10') awaited through its callback", async () => {
    let child: ChildProcess | undefined
    return watched(
      () =>
        new Promise((resolve, reject) => {
          child = exec('sleep 10', (err) => (err ? reject(err) : resolve(undefined)))
        }),
      () => child as ChildProcess,
      1,
    )
  })
  interruptible("promisify(exec)('sleep 10')", async () => {
    let p: (Promise<unknown> & { child: ChildProcess }) | undefined
    return watched(
      () => (p = promisify(exec)('sleep 10') as typeof p & object),
      () => (p as { child: ChildProcess }).child,
      1,
    )
  })
  interruptible("spawn('sleep', ['10'])", async () => {
    let child: ChildProcess | undefined
    return watched(
      () => (child = spawnChild('sleep', ['10'])),
      () => child as ChildProcess,
    )
  })
  interruptible("execFile('sleep', ['10'])", async () => {
    let child: ChildProcess | undefined
    return watched(
      () => (child = execFile('sleep', ['10'], () => {})),
      () => child as ChildProcess,
    )
  })
  interruptible('a detached child and its process group', async () => {
    let child: ChildProcess | undefined
    return watched(
      () => (child = spawnChild('sh', ['-c', 'sleep 10 & sleep 10; wait'], { detached: true })),
      () => child as ChildProcess,
      2,
    )
  })

  it('respects killSignal: a child ignoring SIGTERM dies of the SIGKILL it asked for', async () => {
    let child: ChildProcess | undefined
    const g = spawn(async () => {
      child = spawnChild('sh', ['-c', 'trap "" TERM; sleep 10'], { killSignal: 'SIGKILL' })
      await once(child, 'exit')
    })
    await pause(50)
    await g.kill()
    const [, signal] =
      child?.exitCode === null && child.signalCode === null
        ? await once(child, 'exit')
        : [child?.exitCode, child?.signalCode]
    expect(signal).toBe('SIGKILL')
  })

  it('gives exec callbacks the greenlet exception, not an AbortError', async () => {
    const seen = await spawn(async () => {
      const t = Timeout.startNew(0.03)
      try {
        return await new Promise((resolve) => exec('sleep 10', (err) => resolve(err)))
      } finally {
        t.cancel()
      }
    }).get()
    expect(seen).toBeInstanceOf(Timeout)
  })

  it('leaves a child alone when the greenlet that started it merely ends', async () => {
    const child = await spawn(() => spawnChild('sleep', ['10'])).get()
    await pause(30)
    expect(child.exitCode).toBeNull()
    expect(child.signalCode).toBeNull()
    child.kill()
    await once(child, 'exit')
  })

  it("keeps the caller's own signal: it aborts with Node's AbortError", async () => {
    const err = await spawn(() =>
      promisify(exec)('sleep 10', { signal: AbortSignal.timeout(20) }).catch((e: unknown) => e),
    ).get()
    expect((err as Error).name).toBe('AbortError')
  })

  interruptible('a fork()ed Node child', async () => {
    let child: ChildProcess | undefined
    return watched(
      () => (child = fork(fixture('sleeper.cjs'))),
      () => child as ChildProcess,
    )
  })

  it('runs fork children as usual', async () => {
    const out = await spawn(async () => {
      const child = fork(fixture('hello.cjs'))
      const [message] = await once(child, 'message')
      await once(child, 'exit')
      return message
    }).get()
    expect(out).toBe('hi')
  })
})

describe('child processes outside greenlets', () => {
  it('run and fail exactly as unpatched', async () => {
    const { stdout } = await promisify(exec)('echo hi')
    expect(stdout).toBe('hi\n')
    const err = await promisify(execFile)('false').catch((e: unknown) => e)
    expect((err as { code: number }).code).toBe(1)
    expect(() => spawnChild(42 as never)).toThrow(TypeError)
  })
})
