import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The path of `relative` inside this app's folder, found by walking up from this module
 * to the folder with the package.json: the same from the sources (`src/internal/`, in
 * tests) as from the build (`dist/`, in the tour).
 */
export function appFile(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
  return join(dir, relative)
}
