import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'tsup'

/**
 * Bundles src/cli.ts (with Strand, from source) into one file in a temporary directory and
 * returns its path, so the CLI tests run the current source as a real child process without
 * a prior `npm run build`.
 */
export async function buildCli(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'strand-tasks-'))
  await build({
    entry: { cli: fileURLToPath(new URL('../../src/cli.ts', import.meta.url)) },
    outDir,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    noExternal: [/.*/],
    config: false,
    silent: true,
    // ioredis (under strand/redis) is CommonJS: give its require() of Node built-ins a real one
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      options.conditions = ['@strand/source']
    },
  })
  return join(outDir, 'cli.js')
}
