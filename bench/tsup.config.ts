import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/main.ts', 'src/run-one.ts', 'src/workloads/*.ts', 'src/children/*.ts'],
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: true,
  external: [/^@strand\//, 'strand', 'effect', 'p-map', 'p-limit'],
})
