import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ThreadPool } from 'strand/threadpool'

/**
 * The run's thread pools: one `ThreadPool(size)` per tasks module, created on the first
 * thread task that needs it (so a run without thread tasks never loads piscina), all
 * closed by {@link ThreadPools.close} when the run ends.
 */
export class ThreadPools {
  private readonly pools = new Map<string, Promise<ThreadPool>>()

  constructor(private readonly size: number) {}

  /** Runs `name(...args)` of `module` on its pool's threads. */
  async run(module: string | URL, name: string, args: readonly unknown[]): Promise<unknown> {
    const pool = await this.pool(module)
    return pool.apply(name, [...args])
  }

  /** Ends every pool's threads (waiting for nothing: the run is over). */
  async close(): Promise<void> {
    const pools = [...this.pools.values()]
    this.pools.clear()
    for (const pool of pools) await (await pool).close({ timeout: 0 })
  }

  private pool(module: string | URL): Promise<ThreadPool> {
    const href = toHref(module)
    let pool = this.pools.get(href)
    if (pool === undefined) {
      pool = import('strand/threadpool').then(
        ({ ThreadPool }) => new ThreadPool({ filename: href, size: this.size }),
      )
      this.pools.set(href, pool)
    }
    return pool
  }
}

function toHref(module: string | URL): string {
  if (module instanceof URL) return module.href
  return module.startsWith('file:') || !isAbsolute(module) ? module : pathToFileURL(module).href
}
