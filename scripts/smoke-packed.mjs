// Smoke test of the packages as users get them: `npm pack` every published workspace,
// install the tarballs into a fresh project outside the repository, then
//   1. import every entry point of every package (plain node: no "@strand/source" condition),
//   2. run a greenlet, a sleep, a Queue and a Timeout through the separate packages,
//   3. typecheck the root README's "Twenty lines" example against the installed .d.ts
//      (strict, no skipLibCheck, @types/node as the README says) and run it.
// Usage: node scripts/smoke-packed.mjs [--keep]   (after `npm run build`)
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { published, root } from './workspaces.mjs'

const keep = process.argv.includes('--keep')
const packages = published()
const started = performance.now()
const step = (what) =>
  console.log(`smoke: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`)

for (const { dir } of packages) {
  if (!existsSync(join(root, dir, 'dist'))) {
    console.error(`smoke: ${dir}/dist is missing; run \`npm run build\` first.`)
    process.exit(1)
  }
}

/** The fenced ```ts block under the "## Twenty lines" heading of a README. */
function twentyLines(readme) {
  const text = readFileSync(join(root, readme), 'utf8')
  const match = /^## Twenty lines\n[\s\S]*?```ts\n([\s\S]*?)```/m.exec(text)
  if (!match) throw new Error(`${readme} has no \`## Twenty lines\` section with a ts block`)
  return match[1]
}

const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd)

const tmp = mkdtempSync(join(tmpdir(), 'strand-smoke-'))
try {
  // 1. pack: exactly the files npm would publish
  const tarballs = join(tmp, 'tarballs')
  mkdirSync(tarballs)
  const packed = JSON.parse(
    npm(
      ['pack', '--json', '--pack-destination', tarballs, ...packages.map((p) => `-w=${p.dir}`)],
      root,
    ),
  )
  step(`packed ${packed.map((p) => p.filename).join(', ')}`)

  // 2. a fresh project that depends on the tarballs only (and @types/node, see the README)
  const app = join(tmp, 'app')
  mkdirSync(app)
  const require = createRequire(join(root, 'package.json'))
  const typesNode = JSON.parse(readFileSync(require.resolve('@types/node/package.json'), 'utf8'))
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'strand-smoke', private: true, type: 'module' }, null, 2),
  )
  npm(
    [
      'install',
      '--prefer-offline',
      '--ignore-scripts',
      ...packed.map((p) => join(tarballs, p.filename)),
      `@types/node@${typesNode.version}`,
    ],
    app,
  )
  for (const { dir, name, manifest } of packages) {
    // the tarball's copy, not a registry package of the same name: same built entry file
    const main = manifest.exports?.['.']?.default ?? manifest.main
    const mine = readFileSync(join(root, dir, main), 'utf8')
    const installed = readFileSync(join(app, 'node_modules', name, main), 'utf8')
    if (installed !== mine) throw new Error(`node_modules/${name} is not the packed ${dir}`)
  }
  step('installed the tarballs into a fresh project')

  // 3. every entry point imports; the packages work together on one hub
  const entries = packages.flatMap(({ name, manifest }) =>
    Object.entries(manifest.exports ?? { '.': manifest.main })
      .filter(([sub, target]) => target !== null && !sub.includes('*') && !sub.endsWith('.json'))
      .map(([sub]) => (sub === '.' ? name : `${name}/${sub.slice(2)}`)),
  )
  writeFileSync(
    join(app, 'check.mjs'),
    `import assert from 'node:assert/strict'
const entries = ${JSON.stringify(entries)}
for (const entry of entries) {
  const m = await import(entry)
  const names = Object.keys(m)
  // a side-effect entry (monkey's register) exports nothing by design
  assert.ok(names.length > 0 || entry.endsWith('/register'), entry + ' exports nothing')
  for (const [key, value] of Object.entries(m))
    if (typeof value === 'function') assert.equal(value.name, key, entry + ': ' + key + '.name')
}
const { spawn, sleep, Timeout, getHub } = await import('@strand/core')
const { Queue } = await import('@strand/queue')
const strand = await import('strand')
assert.equal(strand.Queue, Queue, 'strand re-exports the installed @strand/queue')
assert.equal(strand.getHub(), getHub(), 'one hub for every package')
const q = new Queue({ maxsize: 1 })
const producer = spawn(async () => {
  for (const n of [1, 2, 3]) await q.put(n)
  q.shutdown()
})
const got = []
for await (const n of q) got.push(n)
await producer.join()
assert.deepEqual(got, [1, 2, 3])
const sleeper = spawn(() => sleep(10))
const t = Timeout.startNew(0.05)
try {
  await sleeper.get()
  assert.fail('the Timeout did not fire')
} catch (err) {
  assert.equal(err, t)
  assert.equal(String(err), 'Timeout: 0.05 seconds')
}
await sleeper.kill()
assert.ok(sleeper.dead && sleeper.successful())
console.log('ok ' + entries.length + ' entry points')
`,
  )
  const checked = run(process.execPath, ['check.mjs'], app).trim()
  step(`${checked}; greenlet, sleep, Queue and Timeout work`)
  // ESM only, yet CommonJS callers are served by Node's require() of ES modules (>= 20.19)
  writeFileSync(
    join(app, 'check.cjs'),
    `const strand = require('strand')
if (typeof strand.spawn !== 'function') throw new Error('require("strand") has no spawn')
console.log('ok require')
`,
  )
  run(process.execPath, ['check.cjs'], app)
  step('require("strand") works')

  // 4. the README example typechecks against the installed .d.ts and runs
  const example = twentyLines('README.md')
  if (twentyLines('packages/strand/README.md') !== example)
    throw new Error('packages/strand/README.md and README.md show different "Twenty lines"')
  writeFileSync(join(app, 'main.ts'), example)
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        skipLibCheck: false,
        types: ['node'],
        outDir: 'out',
      },
      files: ['main.ts'],
    }),
  )
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], app)
  const lines = run(process.execPath, ['out/main.js'], app).trim().split('\n')
  // what it prints: its `// =>` comments, one line each (the rule of test-kit's expectedOutput)
  const expected = example
    .split('\n')
    .flatMap((line) => /\/\/ =>(?: (.*))?$/.exec(line)?.slice(1, 2) ?? [])
    .map((text) => (text ?? '').trimEnd())
  if (JSON.stringify(lines.map((l) => l.trimEnd())) !== JSON.stringify(expected))
    throw new Error(
      `the README example printed:\n${lines.join('\n')}\nnot:\n${expected.join('\n')}`,
    )
  step('the README example typechecks (strict, no skipLibCheck) and prints what it says')
  console.log(`smoke: ok on node ${process.version}`)
} catch (err) {
  console.error(`smoke: FAILED on node ${process.version}`)
  console.error(err.stderr || err.stdout || err)
  if (err.stderr || err.stdout) console.error(String(err.message).split('\n')[0])
  process.exitCode = 1
} finally {
  if (keep) console.log(`smoke: kept ${tmp}`)
  else rmSync(tmp, { recursive: true, force: true })
}
