import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleSource } from '../../../test-kit/src/bundle-source.js'

/**
 * Bundles a TypeScript entry (with Strand and ioredis, from source) into one ESM file in a
 * temporary directory, so a test can run it as a real child process without a build.
 */
export async function bundle(entry: URL): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'strand-redis-test-'))
  await bundleSource({ entries: { main: fileURLToPath(entry) }, outDir })
  return join(outDir, 'main.js')
}
