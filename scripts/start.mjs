// `npm start`: build the tour and what it imports, quietly, then run it.
// Only the tour's packages (turbo --filter=@strand/tour...), JavaScript only (`-- --no-dts`
// to every tsup: the tour runs JS; declarations come with `npm run build`). The build's
// output is shown only when it fails. Usage: node scripts/start.mjs
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { root } from './workspaces.mjs'

const turbo = join(root, 'node_modules', 'turbo', 'bin', 'turbo')
const args = [
  'run',
  'build',
  '--filter=@strand/tour...',
  '--output-logs=errors-only',
  '--',
  '--no-dts',
]
const env = { TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', ...process.env }

/** Runs a command; resolves with its exit code and, unless `inherit`, what it printed. */
function run(cmd, argv, inherit) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, env, stdio: inherit ? 'inherit' : 'pipe' })
    let out = ''
    child.stdout?.on('data', (chunk) => (out += chunk))
    child.stderr?.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }))
  })
}

const started = performance.now()
process.stdout.write('Building the tour and the packages it imports (logs only on error)… ')
const build = await run(process.execPath, [turbo, ...args], false)
if (build.code !== 0) {
  console.log('failed:\n')
  console.log(build.out)
  process.exit(build.code)
}
const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(build.out)
console.log(
  `done in ${((performance.now() - started) / 1000).toFixed(1)} s${cached ? ` (${cached[1]} of ${cached[2]} from cache)` : ''}.`,
)
const tour = await run(process.execPath, [join(root, 'apps', 'tour', 'dist', 'main.js')], true)
process.exitCode = tour.code
