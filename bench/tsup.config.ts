import { defineConfig } from 'tsup'

export default defineConfig({
  // workers/: tasks modules the thread-pool workloads load in worker threads, by path;
  // children/: the processes W10/W11 fork (load generator, C10K server)
  entry: [
    'src/main.ts',
    'src/run-one.ts',
    'src/workloads/*.ts',
    'src/workers/*.ts',
    'src/children/*.ts',
  ],
  format: ['esm'],
  target: 'node20',
  clean: true,
  silent: true,
  sourcemap: true,
  external: [/^@strand\//, /^strand(\/|$)/, 'effect', 'p-map', 'p-limit', 'piscina'],
})
