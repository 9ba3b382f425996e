import { defineConfig, type Options } from 'tsup'

/**
 * The build every Strand package shares: ESM for Node 20 with declarations. Sibling
 * packages stay external — bundling one would load a second hub into the process.
 * `keepNames`: esbuild renames a class that refers to itself (`var _Timeout = class
 * _Timeout`), and users see `Class.name` in error names, `String(err)` and
 * `console.log`; keeping it costs a `__name()` call per class and function.
 */
export function strandBuild(entry: string[], extra: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry,
    format: ['esm'],
    target: 'node20',
    dts: true,
    clean: true,
    sourcemap: true,
    keepNames: true,
    splitting: true,
    external: [/^@strand\//, 'strand'],
    ...extra,
  })
}
