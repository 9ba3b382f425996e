import { strandBuild } from '../../tsup.base.js'

// dispatch.js and worker.js run in the worker threads, loaded by Node as they are (also
// from the sources in tests): plain JavaScript, each an entry of its own, never a chunk.
// worker.js's types are written by hand (worker.d.ts); the build script copies them to
// dist/ after tsup (whose declaration step clears dist/*.d.ts).
export default strandBuild(['src/index.ts', 'src/worker.js', 'src/dispatch.js'], {
  external: [/^@strand\//, 'strand', 'piscina'],
  dts: { entry: ['src/index.ts'] },
})
