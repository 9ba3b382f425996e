import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The other tests run on the sources. Here a plain `node` (no "@strand/source" condition)
// imports the BUILT umbrella, so every re-export comes from a package's dist/ as users get it.
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const missing = !existsSync(dist)
if (missing && !process.env.CI) {
  console.warn(`Skipping the dist tests: ${dist} is missing; run \`npm run build\` first.`)
}

/** Runs `body` as an ES module in a fresh node that has imported the built umbrella as `m`. */
function inBuilt<T>(body: string): T {
  const program = `const m = await import(${JSON.stringify(dist)});\n${body}`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', program], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
  })
  return JSON.parse(out) as T
}

describe('the built strand (dist/index.js)', () => {
  it.skipIf(missing && !process.env.CI)(
    'gives every exported class and function the name it is exported under',
    () => {
      const { names } = inBuilt<{ names: [string, string][] }>(
        `const names = Object.entries(m).filter(([, v]) => typeof v === 'function').map(([k, v]) => [k, v.name]);
console.log(JSON.stringify({ names }))`,
      )
      // a build that drops half the exports would pass the comparison below: count them too
      expect(names.length).toBeGreaterThan(30)
      for (const [exported, name] of names) expect(name, `${exported}.name`).toBe(exported)
    },
  )

  it.skipIf(missing && !process.env.CI)(
    'names its errors after their classes (error.name, String(error), the stack)',
    () => {
      const seen = inBuilt<Record<string, string>>(
        `const t = new m.Timeout(0.02)
const e = new m.GreenletExit()
const full = new m.Full('Queue.put')
console.log(JSON.stringify({ t: t.name, tString: String(t), e: e.name, full: full.name, fullStack: full.stack.split('\\n')[0] }))`,
      )
      expect(seen.t).toBe('Timeout')
      expect(seen.tString).toMatch(/^Timeout: 0\.02 seconds/)
      expect(seen.e).toBe('GreenletExit')
      expect(seen.full).toBe('Full')
      expect(seen.fullStack).toMatch(/^Full: /)
    },
  )

  it.skipIf(missing && !process.env.CI)(
    'builds handles whose constructor names are the exported ones',
    () => {
      const seen = inBuilt<string[]>(
        `const g = m.spawn(async () => {})
await g.join()
const handles = [g, new m.Queue(), m.getHub(), new m.Pool(2), new m.Lock(), new m.Event()]
console.log(JSON.stringify(handles.map((h) => h.constructor.name)))`,
      )
      expect(seen).toEqual(['Greenlet', 'Queue', 'Hub', 'Pool', 'Lock', 'Event'])
    },
  )
})
