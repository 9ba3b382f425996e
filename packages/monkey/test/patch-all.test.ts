import fsp, { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import {
  getOriginal,
  isPatched,
  type PatchTarget,
  patchAll,
  patchChildProcess,
  patchFetch,
  unpatchAll,
} from '../src/index.js'

afterEach(() => {
  unpatchAll()
})

const MODULES: Record<string, object> = {
  globalThis,
  'fs/promises': fsp,
  fs: await import('node:fs'),
}

/** `module.name` → the value there now, for every item a report names. */
async function snapshot(labels: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>()
  for (const label of labels) {
    const dot = label.indexOf('.')
    const module = label.slice(0, dot)
    let holder: unknown =
      MODULES[module] ??
      (module === 'globalThis'
        ? globalThis
        : ((await import(`node:${module}`)) as { default: unknown }).default)
    const path = label.slice(dot + 1).split('.')
    const key = path.pop() as string
    for (const step of path) holder = (holder as Record<string, unknown>)[step]
    out.set(label, (holder as Record<string, unknown>)[key])
  }
  return out
}

describe('patchAll()', () => {
  it('reports what it patched, and what this Node version lacks', () => {
    const report = patchAll()
    expect(report.patched).toEqual(
      expect.arrayContaining([
        'globalThis.fetch',
        'globalThis.setTimeout',
        'timers/promises.setTimeout',
        'timers/promises.scheduler.wait',
        'fs/promises.readFile',
        'fs.createReadStream',
        'net.connect',
        'http.request',
        'dns/promises.resolve4',
        'child_process.exec',
        'events.once',
        'stream/promises.pipeline',
        'readline/promises.Interface.prototype.question',
      ]),
    )
    expect(report.alreadyPatched).toEqual([])
    if (typeof (fsp as Record<string, unknown>).glob !== 'function') {
      expect(report.unavailable).toContain('fs/promises.glob')
    }
    expect(report.detectBlocking).toBeNull()
    for (const t of ['timers', 'fs', 'net', 'dns', 'fetch', 'childProcess', 'events'] as const)
      expect(isPatched(t), t).toBe(true)
  })

  it('is idempotent: a second call patches nothing and reports it all as patched already', () => {
    const first = patchAll()
    const replaced = globalThis.fetch
    const second = patchAll()
    expect(second.patched).toEqual([])
    expect(new Set(second.alreadyPatched)).toEqual(new Set(first.patched))
    expect(globalThis.fetch).toBe(replaced)
  })

  it('patches only what is switched on; a later call adds to it', () => {
    patchAll({ fetch: false, timers: false })
    expect(isPatched('fetch')).toBe(false)
    expect(isPatched('timers')).toBe(false)
    expect(isPatched('fs')).toBe(true)
    const later = patchFetch()
    expect(later.patched).toEqual(['globalThis.fetch'])
    expect(isPatched('fetch')).toBe(true)
  })

  it('keeps fn.name, fn.length and util.promisify.custom', async () => {
    const before = { name: readFile.name, length: fsp.readFile.length }
    patchAll()
    expect(fsp.readFile).not.toBe(getOriginal('fs/promises', 'readFile'))
    expect({ name: fsp.readFile.name, length: fsp.readFile.length }).toEqual(before)
    const timersPromises = await import('node:timers/promises')
    // util.promisify(setTimeout) is the (patched) timers/promises setTimeout, as unpatched
    expect(promisify(setTimeout)).toBe(timersPromises.default.setTimeout)
    expect(promisify(setTimeout)).not.toBe(getOriginal('timers/promises', 'setTimeout'))
  })

  it('rejects bad options synchronously, naming them, before patching anything', () => {
    expect(() => patchAll('all' as never)).toThrow(/Expected `opts` to be an options object/)
    expect(() => patchAll({ fs: 1 as never })).toThrow(/Expected `fs` to be a boolean, got `1`/)
    expect(() => patchAll({ detectBlocking: -1 })).toThrow(RangeError)
    expect(() => patchAll({ detectBlocking: 0 })).toThrow(/above 0/)
    expect(() => patchAll({ detectBlocking: '1' as never })).toThrow(TypeError)
    expect(isPatched('fs')).toBe(false)
    expect(() => isPatched('sockets' as PatchTarget)).toThrow(/one of 'timers'/)
  })
})

describe('unpatchAll()', () => {
  it('restores the very same original of every item', async () => {
    const labels = patchAll().patched
    unpatchAll()
    const originals = await snapshot(labels)
    patchAll()
    const patched = await snapshot(labels)
    for (const label of labels) expect(patched.get(label), label).not.toBe(originals.get(label))
    unpatchAll()
    const restored = await snapshot(labels)
    for (const label of labels) expect(restored.get(label), label).toBe(originals.get(label))
    expect(Object.hasOwn((await import('node:timers/promises')).scheduler, 'wait')).toBe(false)
    for (const t of ['timers', 'fs', 'fetch'] as const) expect(isPatched(t)).toBe(false)
  })
})

describe('getOriginal()', () => {
  it('returns the first saved original, even when someone patched over the patch', () => {
    const original = fsp.readFile
    patchAll()
    const ours = fsp.readFile
    const theirs = Object.assign((...a: Parameters<typeof fsp.readFile>) => ours(...a), {})
    ;(fsp as Record<string, unknown>).readFile = theirs
    expect(patchAll().patched).toContain('fs/promises.readFile')
    expect(fsp.readFile).not.toBe(theirs)
    expect(fsp.readFile).not.toBe(original)
    expect(getOriginal('fs/promises', 'readFile')).toBe(original)
    expect(getOriginal('node:fs', 'promises.readFile')).toBe(original)
    unpatchAll()
    expect(fsp.readFile).toBe(original)
  })

  // gevent's test__monkey: saved originals are never patched objects, and patching a
  // module again leaves get_original as it was
  it("gives Node's own function for every patched item, the same after patching again", async () => {
    const labels = patchAll().patched
    unpatchAll()
    const originals = await snapshot(labels)
    patchAll()
    const split = (label: string) =>
      [label.slice(0, label.indexOf('.')), label.slice(label.indexOf('.') + 1)] as const
    for (const label of labels)
      expect(getOriginal(...split(label)), label).toBe(originals.get(label))
    patchChildProcess()
    patchAll()
    for (const label of labels)
      expect(getOriginal(...split(label)), label).toBe(originals.get(label))
  })

  it('returns what is there when it was never patched', () => {
    expect(getOriginal('globalThis', 'fetch')).toBe(globalThis.fetch)
    expect(getOriginal('nowhere', 'nothing')).toBeUndefined()
    expect(() => getOriginal(1 as never, 'x')).toThrow(TypeError)
  })
})

describe('ESM named imports', () => {
  it('see the patch whether imported before or after patching, and the original after unpatching', async () => {
    const original = readFile // imported before patching (top of this file)
    patchAll()
    expect(readFile).toBe(fsp.readFile)
    expect(readFile).not.toBe(original)
    const late = await import('./fixtures/late-import.js') // imported after patching
    expect(late.namedReadFile()).toBe(fsp.readFile)
    unpatchAll()
    expect(readFile).toBe(original)
    expect(late.namedReadFile()).toBe(original)
  })
})
