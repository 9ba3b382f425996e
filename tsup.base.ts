import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, type Options } from 'tsup'

/** Whether the package being built (tsup runs in its folder) is published: not `"private"`. */
function isPublished(): boolean {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'))
  return manifest.private !== true
}

/**
 * The build every Strand package shares: ESM for Node 20. Sibling packages stay
 * external — bundling one would load a second hub into the process.
 * Declarations only for published packages: they are most of the build time (a type
 * program per package), and the private apps are only run or typechecked from sources.
 * `keepNames`: esbuild renames a class that refers to itself (`var _Timeout = class
 * _Timeout`), and users see `Class.name` in error names, `String(err)` and
 * `console.log`; keeping it costs a `__name()` call per class and function.
 */
export function strandBuild(entry: string[], extra: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry,
    format: ['esm'],
    target: 'node20',
    // declarations only for published packages; members tagged @internal (timer-heap
    // fields, kernel entry points) stay out of them
    dts: isPublished() ? { compilerOptions: { stripInternal: true } } : false,
    clean: true,
    sourcemap: true,
    keepNames: true,
    splitting: true,
    external: [/^@strand\//, 'strand'],
    silent: true,
    ...extra,
  })
}
