// The run-time import graph of core's sources: one way, bottom to top.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../src/', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

/** Relative imports that exist at run time (`import type` and all-`type` lists are erased). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found: string[] = []
  for (const m of text.matchAll(/^import\s+(type\s+)?([\s\S]*?)\s+from\s+'(\.[^']+)'/gm)) {
    const [, typeOnly, names = '', spec = ''] = m
    if (typeOnly !== undefined) continue
    const list = /^\{([\s\S]*)\}$/.exec(names.trim())
    const allTypes =
      list !== null &&
      (list[1] ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '')
        .every((n) => n.startsWith('type '))
    if (allTypes) continue
    found.push(normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))))
  }
  return found
}

const graph = new Map(sources(SRC).map((f) => [f, runtimeImports(f)]))
const name = (f: string): string => relative(SRC, f)

function findCycle(): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (f: string): string[] | null => {
    state.set(f, 'open')
    path.push(f)
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') return [...path.slice(path.indexOf(g)), g].map(name)
      if (state.get(g) === undefined) {
        const cycle = visit(g)
        if (cycle !== null) return cycle
      }
    }
    path.pop()
    state.set(f, 'done')
    return null
  }
  for (const f of graph.keys()) {
    if (state.get(f) === undefined) {
      const cycle = visit(f)
      if (cycle !== null) return cycle
    }
  }
  return null
}

describe("core's layering", () => {
  it('has no import cycle at run time', () => {
    expect(findCycle()).toBeNull()
  })

  it('keeps the kernel (src/internal) free of the hub and the user handles', () => {
    const upward = ['hub.ts', 'greenlet.ts', 'timeout.ts', 'get-hub.ts', 'spawn.ts']
    const offenders = [...graph]
      .filter(([f]) => name(f).startsWith('internal/'))
      .flatMap(([f, deps]) =>
        deps.filter((d) => upward.includes(name(d))).map((d) => `${name(f)} → ${name(d)}`),
      )
    expect(offenders).toEqual([])
  })

  it('lets the hub reach Greenlet only through types', () => {
    const hubDeps = (graph.get(join(SRC, 'hub.ts')) ?? []).map(name)
    expect(hubDeps).not.toContain('greenlet.ts')
  })
})
