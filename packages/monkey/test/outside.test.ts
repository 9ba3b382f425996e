import { EventEmitter, once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { setTimeout as delay } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patchAll, unpatchAll } from '../src/index.js'

const HUB = Symbol.for('strand.hub')

beforeAll(() => {
  patchAll()
})
afterAll(() => {
  unpatchAll()
})

describe('patched calls outside greenlets', () => {
  // first in this process: nothing has made a hub yet
  it('create no hub (no promise hooks for a program that never spawns)', async () => {
    expect((globalThis as Record<symbol, unknown>)[HUB]).toBeUndefined()
    await delay(1)
    await readFile(new URL(import.meta.url))
    const emitter = new EventEmitter()
    setTimeout(() => emitter.emit('x'), 1)
    await once(emitter, 'x')
    const t = setTimeout(() => {}, 1000)
    clearTimeout(t)
    expect((globalThis as Record<symbol, unknown>)[HUB]).toBeUndefined()
  })
})
