// Checks every published workspace the way a registry user meets it (after `npm run build`):
//   - LICENSE (the root's MIT text) and README.md are in the tarball;
//   - package.json has license, repository (with this directory), homepage and bugs;
//   - publint --strict (the tarball's files against exports, main, types…);
//   - attw --pack --profile esm-only (types resolve for node16 ESM and bundlers).
// Any error fails. Usage: node scripts/check-packages.mjs
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { published, root } from './workspaces.mjs'

const REPOSITORY = 'https://github.com/strand-js/strand'
const run = promisify(execFile)
// the root devDependencies' own scripts, run by this node (no npx: nothing to download)
const publint = join(root, 'node_modules', '.bin', 'publint')
const attw = join(root, 'node_modules', '.bin', 'attw')
const license = readFileSync(join(root, 'LICENSE'), 'utf8')

/** What is wrong with one package's manifest and files, as messages (none: fine). */
function manifestProblems({ dir, manifest }) {
  const problems = []
  const want = (ok, message) => ok || problems.push(message)
  const file = (name) => join(root, dir, name)
  want(manifest.license === 'MIT', `"license" is ${JSON.stringify(manifest.license)}, not "MIT"`)
  want(
    existsSync(file('LICENSE')) && readFileSync(file('LICENSE'), 'utf8') === license,
    `LICENSE is missing or differs from the root's: cp LICENSE ${dir}/`,
  )
  want(existsSync(file('README.md')), 'README.md is missing')
  const repo = manifest.repository
  want(
    repo?.type === 'git' && repo.url === `git+${REPOSITORY}.git` && repo.directory === dir,
    `"repository" must be { "type": "git", "url": "git+${REPOSITORY}.git", "directory": "${dir}" }`,
  )
  want(
    manifest.homepage === `${REPOSITORY}/tree/main/${dir}#readme`,
    `"homepage" must be "${REPOSITORY}/tree/main/${dir}#readme"`,
  )
  want(
    manifest.bugs?.url === `${REPOSITORY}/issues`,
    `"bugs" must be { "url": "${REPOSITORY}/issues" }`,
  )
  want(manifest.type === 'module', '"type" must be "module" (Strand is ESM only)')
  return problems
}

/** Runs a checker in the package's folder; its output when it fails. */
async function tool(dir, args) {
  try {
    await run(process.execPath, args, {
      cwd: join(root, dir),
      env: { ...process.env, NO_COLOR: '1' },
    })
    return null
  } catch (err) {
    return `${err.stdout ?? ''}${err.stderr ?? ''}`.trim() || String(err)
  }
}

async function check(pkg) {
  const problems = manifestProblems(pkg)
  if (!existsSync(join(root, pkg.dir, 'dist')))
    problems.push(`${pkg.dir}/dist is missing: run \`npm run build\` first`)
  else {
    const lint = await tool(pkg.dir, [publint, '--strict'])
    if (lint) problems.push(`publint:\n${lint}`)
    const types = await tool(pkg.dir, [
      attw,
      '--pack',
      '--profile',
      'esm-only',
      '--format',
      'ascii',
    ])
    if (types) problems.push(`attw:\n${types}`)
  }
  return { pkg, problems }
}

const packages = published()
const results = []
// two at a time: each tool packs the package with npm, and the machine may have 2 cores
for (let i = 0; i < packages.length; i += 2)
  results.push(...(await Promise.all(packages.slice(i, i + 2).map(check))))
let failed = 0
for (const { pkg, problems } of results) {
  if (problems.length === 0) {
    console.log(`packages: ok ${pkg.name} (${pkg.dir})`)
    continue
  }
  failed++
  console.log(`packages: FAILED ${pkg.name} (${pkg.dir})`)
  for (const problem of problems) console.log(`  - ${problem.replaceAll('\n', '\n    ')}`)
}
console.log(
  `packages: ${results.length - failed} ok, ${failed} failed (publint --strict, attw esm-only)`,
)
process.exitCode = failed === 0 ? 0 : 1
