import { defineConfig } from 'tsup'

export default defineConfig({
  // workers/: tasks modules the thread-pool workloads load in worker threads, by path
  entry: ['src/main.ts', 'src/run-one.ts', 'src/workloads/*.ts', 'src/workers/*.ts'],
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: true,
  external: [/^@strand\//, /^strand(\/|$)/, 'effect', 'p-map', 'p-limit', 'piscina'],
})
