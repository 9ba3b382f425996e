import { strandBuild } from '../../tsup.base.js'

// dispatch.js is loaded by piscina in each worker thread, by its path next to the pool's
// code: it must stay a file of its own (an entry, not bundled into a chunk).
export default strandBuild(['src/index.ts', 'src/worker.ts', 'src/dispatch.js'], {
  external: [/^@strand\//, 'strand', 'piscina'],
  dts: { entry: ['src/index.ts', 'src/worker.ts'] },
})
