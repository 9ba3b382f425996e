import { spawn as spawnChild } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Log } from '@strand/demo-kit'
import { appFile } from '../internal/app-file.js'
import { serveSlowly } from '../internal/slow-server.js'

export const title = 'monkey.patch_all(): the same program unpatched and under --import register'

const ANSWER_AFTER = 1

/** Runs `node <args>`, printing its lines indented; resolves with its exit code and run time. */
async function runChild(
  args: string[],
  log: Log,
): Promise<{ code: number | null; seconds: number }> {
  const start = performance.now()
  // from the app's folder, where Node finds @strand/monkey/register as the command says
  const child = spawnChild(process.execPath, args, {
    cwd: appFile('.'),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const guard = setTimeout(() => child.kill(), 10_000) // a bound, whatever happens
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const errors: string[] = []
  createInterface({ input: child.stderr }).on('line', (line) => errors.push(line))
  for await (const line of createInterface({ input: child.stdout })) log(`  ${line}`)
  const code = await exited // 'close' comes after both streams ended
  clearTimeout(guard)
  for (const line of errors) log(`  stderr: ${line}`)
  return { code, seconds: (performance.now() - start) / 1000 }
}

/** Resolves with null after `seconds` (without keeping the process alive). */
function bounded(seconds: number): Promise<null> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000, null).unref())
}

/**
 * `monkey.patch_all()` at the top of a program (or `python -m gevent.monkey app.py`)
 * turns the standard library's blocking calls cooperative. Node's calls never block, but
 * unpatched they do not stop either: a Timeout around code that knows nothing of
 * greenlets fires and the request goes on until the server answers. The same program
 * twice, as a child process: `node legacy-program.js` and `node --import
 * @strand/monkey/register legacy-program.js`, against a server that answers after 1 s.
 */
export async function main(log: Log = console.log): Promise<void> {
  const program = appFile('dist/legacy-program.js')
  const server = await serveSlowly(ANSWER_AFTER)
  log(
    `the program: a sleep and a fetch under withTimeout(0.3 s); the server answers after ${ANSWER_AFTER} s`,
  )
  try {
    for (const [command, args] of [
      ['$ node legacy-program.js <url>', [program, server.url]],
      [
        '$ node --import @strand/monkey/register legacy-program.js <url>',
        ['--import', '@strand/monkey/register', program, server.url],
      ],
    ] as const) {
      log(command)
      const seen = server.nextClose()
      const { code, seconds } = await runChild([...args], log)
      const what = await Promise.race([seen, bounded(5)])
      log(
        what === null
          ? 'server: no request came in 5 s'
          : `server: the client hung up ~${what.seconds.toFixed(2)} s into its request, ${what.answered ? 'after' : 'before'} the answer`,
      )
      log(`the program exited with ${code} on its own, after ~${seconds.toFixed(2)} s`)
    }
  } finally {
    await server.close()
  }
}
