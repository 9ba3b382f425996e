import { mkdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleSource } from '../../../../packages/test-kit/src/bundle-source.js'

/**
 * Bundles src/cli.ts (with Strand, from source) into one file and returns its path, so
 * the CLI tests run the current source as a real child process without a prior
 * `npm run build`. piscina stays external (it starts its workers from its own files):
 * the bundle goes under node_modules/.cache, where Node finds it, and the ThreadPool's
 * worker-side dispatcher is written next to the bundle, where the pool looks for it.
 */
export async function buildCli(): Promise<string> {
  const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url))
  mkdirSync(cache, { recursive: true })
  const outDir = mkdtempSync(join(cache, 'strand-tasks-'))
  await bundleSource({
    entries: {
      cli: fileURLToPath(new URL('../../src/cli.ts', import.meta.url)),
      dispatch: fileURLToPath(
        new URL('../../../../packages/threadpool/src/dispatch.js', import.meta.url),
      ),
    },
    outDir,
    external: ['piscina'],
  })
  return join(outDir, 'cli.js')
}
