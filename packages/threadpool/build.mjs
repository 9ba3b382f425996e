// The build: tsup (with any flags given, e.g. --no-dts from `npm start`), then the
// hand-written types of worker.js (tsup's declaration step writes only index.d.ts).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const tsup = createRequire(import.meta.url).resolve('tsup/dist/cli-default.js')
execFileSync(process.execPath, [tsup, ...process.argv.slice(2)], { stdio: 'inherit' })
if (existsSync('dist')) copyFileSync('src/worker.d.ts', 'dist/worker.d.ts')
