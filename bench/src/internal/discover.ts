import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Workload } from '../workload.js'

/** A workload module found in dist/workloads, or the reason it could not be loaded. */
export interface Found {
  file: string
  workload?: Workload
  error?: string
}

/** "W10" after "W9": compare the letters, then the number. */
function byId(a: string, b: string): number {
  const [, pa = a, na = '0'] = /^(\D*)(\d*)/.exec(a) ?? []
  const [, pb = b, nb = '0'] = /^(\D*)(\d*)/.exec(b) ?? []
  return pa.localeCompare(pb) || Number(na) - Number(nb) || a.localeCompare(b)
}

/**
 * Imports every `*.js` in `dir` for its `workload` (the peers are not run here), keeps
 * those whose id is in `ids` (case-insensitive; all when `ids` is empty), sorted by id.
 */
export async function discover(dir: string, ids: readonly string[]): Promise<Found[]> {
  const wanted = new Set(ids.map((id) => id.toUpperCase()))
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'))
  const found: Found[] = []
  for (const f of files) {
    const file = join(dir, f)
    try {
      const mod = (await import(pathToFileURL(file).href)) as { workload?: Workload }
      if (mod.workload === undefined) throw new Error('does not export `workload`')
      if (wanted.size === 0 || wanted.has(mod.workload.id.toUpperCase())) {
        found.push({ file, workload: mod.workload })
      }
    } catch (err) {
      if (wanted.size === 0)
        found.push({ file, error: err instanceof Error ? err.message : String(err) })
    }
  }
  return found.sort((a, b) => byId(a.workload?.id ?? a.file, b.workload?.id ?? b.file))
}
