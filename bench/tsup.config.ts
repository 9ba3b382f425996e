import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/main.ts', 'src/run-one.ts', 'src/workloads/*.ts'],
  format: ['esm'],
  target: 'node20',
  clean: true,
  silent: true,
  sourcemap: true,
  external: [/^@strand\//, 'strand', 'effect', 'p-map', 'p-limit'],
})
