// The workspaces of this repository, read from the root package.json: one place that says
// which packages are published (every workspace without "private": true), so a package
// added later is checked, packed and smoke-tested without editing any list.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file lives in scripts/). */
export const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Every workspace: `{ dir, name, manifest }`, `dir` relative to the root. Supports the
 * patterns the root package.json uses: a plain folder, or `folder/*`.
 * @returns {{ dir: string, name: string, manifest: Record<string, any> }[]}
 */
export function workspaces() {
  const { workspaces: patterns } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const dirs = patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern]
    const parent = pattern.slice(0, -2)
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`)
  })
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))
      return { dir, name: manifest.name, manifest }
    })
}

/** The workspaces npm would publish (no `"private": true`), in name order. */
export function published() {
  return workspaces()
    .filter((w) => w.manifest.private !== true)
    .sort((a, b) => a.name.localeCompare(b.name))
}
