import { execFileSync } from 'node:child_process'
import { closeSync, constants, createReadStream, mkdtempSync, openSync, rmSync } from 'node:fs'
import { open, readFile, stat, truncate, watch, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sleep, spawn, Timeout } from '@strand/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patchFs, unpatchAll } from '../src/index.js'
import { interruptible } from './contract.js'
import { leftover, pause, resources } from './helpers.js'

let dir: string
let big: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strand-monkey-fs-'))
  big = join(dir, 'big.bin')
  await writeFile(big, '')
  await truncate(big, 512 * 1024 * 1024) // sparse: costs no disk, takes seconds to read
  patchFs()
})
afterAll(() => {
  unpatchAll()
  rmSync(dir, { recursive: true, force: true })
})

/** A FIFO nobody writes to: opening it for reading blocks a thread-pool thread. */
function fifo(name: string): { path: string; release(): void } {
  const path = join(dir, name)
  execFileSync('mkfifo', [path])
  return {
    path,
    // a writer arrives: the blocked open completes (and the writer leaves at once)
    release: () => closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK)),
  }
}

async function* endless(): AsyncGenerator<Buffer> {
  for (;;) {
    yield Buffer.alloc(1024)
    await pause(5)
  }
}

describe('fs.promises inside a greenlet', () => {
  interruptible('readFile of a 512 MB file', async () => ({ block: () => readFile(big) }))
  interruptible('readFile with an encoding string', async () => ({
    block: () => readFile(big, 'latin1'),
  }))
  interruptible('writeFile of an endless source', async () => ({
    block: () => writeFile(join(dir, 'out.bin'), endless()),
  }))
  let n = 0
  interruptible(
    'open() of a FIFO nobody writes to (no signal: released, closed when it opens)',
    async () => {
      const f = fifo(`fifo-${n++}`)
      return { block: () => open(f.path, 'r'), after: async () => f.release() }
    },
  )
  interruptible('a watch() iterator', async () => ({
    block: async () => {
      for await (const _ of watch(dir)) {
        // nothing changes in there
      }
    },
  }))

  it('closes the FileHandles a greenlet opened when it is killed', async () => {
    let handle: Awaited<ReturnType<typeof open>> | undefined
    const g = spawn(async () => {
      handle = await open(big, 'r')
      await sleep(10)
    })
    await pause(30)
    expect(handle?.fd).toBeGreaterThan(0)
    await g.kill()
    await pause(20)
    expect(handle?.fd).toBe(-1)
  })

  it('leaves them open when the greenlet merely ends (it may have handed them on)', async () => {
    const handle = await spawn(() => open(big, 'r')).get()
    await pause(20)
    expect(handle.fd).toBeGreaterThan(0)
    await handle.close()
  })

  it('destroys the read streams a greenlet created when it is killed', async () => {
    let stream: ReturnType<typeof createReadStream> | undefined
    const g = spawn(async () => {
      stream = createReadStream(big)
      stream.pause()
      await sleep(10)
    })
    await pause(30)
    await g.kill()
    expect(stream?.destroyed).toBe(true)
  })

  it('stat() and friends release the greenlet but return their result when not interrupted', async () => {
    const size = await spawn(async () => (await stat(big)).size).get()
    expect(size).toBe(512 * 1024 * 1024)
  })

  it('a Timeout that fires after the read completed changes nothing', async () => {
    const text = await spawn(async () => {
      using _t = Timeout.startNew(5)
      await writeFile(join(dir, 'small.txt'), 'hello')
      return readFile(join(dir, 'small.txt'), 'utf8')
    }).get()
    expect(text).toBe('hello')
  })
})

describe('fs.promises outside greenlets', () => {
  it('returns the same results and errors as unpatched', async () => {
    await writeFile(join(dir, 'plain.txt'), 'plain')
    expect(await readFile(join(dir, 'plain.txt'), 'utf8')).toBe('plain')
    const err = await readFile(join(dir, 'missing.txt')).catch((e: unknown) => e)
    expect((err as NodeJS.ErrnoException).code).toBe('ENOENT')
    const baseline = resources()
    const handle = await open(big, 'r')
    await handle.close()
    expect(await leftover(baseline)).toEqual([])
  })
})
