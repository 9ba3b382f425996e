import { build } from 'tsup'

/** What {@link bundleSource} bundles, and where. */
export interface BundleOptions {
  /** Output name → absolute path of a TypeScript or JavaScript entry. */
  entries: Record<string, string>
  outDir: string
  /** Packages left to Node's resolver (e.g. piscina, which starts workers from its own files). */
  external?: string[]
}

/**
 * Bundles entries, with Strand from its sources (the `@strand/source` condition), into ESM
 * files in `outDir`, so a test can run the current source as a real child process without
 * a prior build. CommonJS dependencies (ioredis) get a real `require` for Node built-ins.
 */
export async function bundleSource({
  entries,
  outDir,
  external = [],
}: BundleOptions): Promise<void> {
  // everything is bundled but the named packages (plain names: no regex characters)
  const bundled = new RegExp(`^(?!(?:${external.join('|')})$)`)
  await build({
    entry: entries,
    outDir,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    noExternal: [external.length === 0 ? /.*/ : bundled],
    external,
    config: false,
    silent: true,
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      options.conditions = ['@strand/source']
    },
  })
}
