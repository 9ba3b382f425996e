import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'tsup'

/**
 * Bundles a TypeScript entry (with Strand and ioredis, from source) into one ESM file in a
 * temporary directory, so a test can run it as a real child process without a build.
 */
export async function bundle(entry: URL): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'strand-redis-test-'))
  await build({
    entry: { main: fileURLToPath(entry) },
    outDir,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    config: false,
    silent: true,
    // ioredis is CommonJS: give its require() of Node built-ins a real require
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      options.conditions = ['@strand/source']
    },
  })
  return join(outDir, 'main.js')
}
