import { defineConfig, type Options } from 'tsup'

/**
 * The build every Strand package shares: ESM for Node 20 with declarations. Sibling
 * packages stay external — bundling one would load a second hub into the process.
 */
export function strandBuild(entry: string[], extra: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry,
    format: ['esm'],
    target: 'node20',
    // members tagged @internal (timer-heap fields, kernel entry points) stay out of the .d.ts
    dts: { compilerOptions: { stripInternal: true } },
    clean: true,
    sourcemap: true,
    splitting: true,
    external: [/^@strand\//, 'strand'],
    ...extra,
  })
}
