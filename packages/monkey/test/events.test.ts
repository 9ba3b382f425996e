import { EventEmitter, on, once } from 'node:events'
import { createInterface } from 'node:readline/promises'
import { PassThrough, Readable, Writable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import { spawn, Timeout } from '@strand/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patchEvents, unpatchAll } from '../src/index.js'
import { interruptible } from './contract.js'

beforeAll(() => {
  patchEvents()
})
afterAll(() => {
  unpatchAll()
})

describe('event and stream waits inside a greenlet', () => {
  interruptible('events.once on an emitter that never fires', async () => {
    const emitter = new EventEmitter()
    return {
      block: () => once(emitter, 'never'),
      after: async () => expect(emitter.listenerCount('never')).toBe(0),
    }
  })
  interruptible('an events.on iterator', async () => {
    const emitter = new EventEmitter()
    return {
      block: async () => {
        for await (const _ of on(emitter, 'tick')) {
          // nothing ever ticks
        }
      },
      after: async () => expect(emitter.listenerCount('tick')).toBe(0),
    }
  })
  interruptible('events.once on an EventTarget', async () => ({
    block: () => once(new EventTarget(), 'never'),
  }))
  interruptible('stream.pipeline of a source that never ends', async () => {
    const source = new PassThrough()
    return {
      block: () =>
        pipeline(
          source,
          new Writable({
            write: (_c, _e, cb) => cb(),
          }),
        ),
      after: async () => expect(source.destroyed).toBe(true),
    }
  })
  interruptible('stream.finished of a stream that never ends', async () => ({
    block: () => finished(new Readable({ read() {} })),
  }))
  interruptible('readline question() nobody answers', async () => {
    const input = new PassThrough()
    const rl = createInterface({ input, output: new PassThrough() })
    return { block: () => rl.question('name? '), close: async () => rl.close() }
  })

  it('resolves as unpatched when the event comes', async () => {
    const emitter = new EventEmitter()
    const g = spawn(() => once(emitter, 'ready'))
    setTimeout(() => emitter.emit('ready', 1, 2), 5)
    expect(await g.get()).toEqual([1, 2])
  })

  it("lets the caller's own signal abort first, with Node's AbortError", async () => {
    const err = await spawn(async () => {
      using _t = Timeout.startNew(5)
      return once(new EventEmitter(), 'never', { signal: AbortSignal.timeout(20) }).catch(
        (e: unknown) => e,
      )
    }).get()
    expect((err as Error).name).toBe('AbortError')
  })

  it('rejects with the emitted error, as unpatched', async () => {
    const emitter = new EventEmitter()
    const g = spawn(() => once(emitter, 'ready').catch((e: unknown) => e))
    setTimeout(() => emitter.emit('error', new Error('boom')), 5)
    expect(((await g.get()) as Error).message).toBe('boom')
  })
})

describe('outside greenlets', () => {
  it('waits exactly as unpatched', async () => {
    const emitter = new EventEmitter()
    setTimeout(() => emitter.emit('x', 'v'), 5)
    expect(await once(emitter, 'x')).toEqual(['v'])
    await pipeline(Readable.from(['a', 'b']), new Writable({ write: (_c, _e, cb) => cb() }))
  })
})
