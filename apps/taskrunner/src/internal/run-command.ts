import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process'
import { CommandFailed } from '../command-failed.js'
import type { CommandTask } from '../task.js'
import type { AttemptContext } from './attempt-context.js'

const POSIX = process.platform !== 'win32'

// The orphan guard (POSIX sh): keeps the pipe from the runner as fd 3 in a background
// watcher, then becomes the command (exec: same pid, same exit status or signal). The
// watcher's read ends only at EOF, when every writer of the pipe is gone: the runner died,
// even by SIGKILL, or the command ended and the runner closed its end. Then it kills the
// whole process group. (Background jobs of a non-interactive sh get /dev/null as stdin
// before their own redirections, hence `exec 3<&0` first.)
const GUARD =
  'exec 3<&0; ( read -r _ <&3; kill -KILL 0 ) </dev/null >/dev/null 2>&1 & exec "$@" </dev/null 3<&-'

/** Sends `signal` to the child and everything it started (its process group on POSIX). */
function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    if (POSIX) process.kill(-child.pid, signal)
    else child.kill(signal)
  } catch {
    // ESRCH: nothing left to signal.
  }
}

/**
 * Runs a command task once as a child process and resolves to its exit code (0) when it
 * succeeds. The child is the leader of a new process group (on POSIX); when
 * `context.signal` aborts, the whole group gets SIGTERM, then SIGKILL `killGrace` seconds
 * later, and the promise settles only once the child has exited, so no child outlives its
 * attempt. Processes the command left behind in its group are killed when it exits. With
 * `orphanGuard` (POSIX), the command runs under a small sh guard that kills its group when
 * this process dies, even by SIGKILL (a missing command then fails with exit code 127).
 *
 * @throws CommandFailed on a non-zero exit, death by a signal, or a command that cannot
 *   start; the signal's reason when stopped through `context.signal`.
 * @example
 * // inside the runner (internal, not exported)
 * const controller = new AbortController()
 * await runCommand({ name: 'hi', command: 'echo', args: ['hi'] }, {
 *   signal: controller.signal, attempt: 1, write: (t) => process.stdout.write(t), spawned() {},
 * }) // => 0, after printing "hi"
 */
export async function runCommand(
  task: CommandTask,
  context: AttemptContext,
  killGrace = 1,
  orphanGuard = false,
): Promise<number> {
  context.signal.throwIfAborted()
  const guard = orphanGuard && POSIX
  const options: SpawnOptions = {
    stdio: [guard ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    detached: POSIX,
    shell: guard ? false : (task.shell ?? false),
    env: task.env ? { ...process.env, ...task.env } : process.env,
  }
  if (task.cwd !== undefined) options.cwd = task.cwd
  const argv = [task.command, ...(task.args ?? [])]
  const child = guard
    ? spawn(
        '/bin/sh',
        ['-c', GUARD, 'strand-guard', ...(task.shell ? ['/bin/sh', '-c', argv.join(' ')] : argv)],
        options,
      )
    : spawn(task.command, task.args ?? [], options)
  const write = (chunk: string): void => context.write(chunk)
  child.stdout?.setEncoding('utf8').on('data', write)
  child.stderr?.setEncoding('utf8').on('data', write)

  let graceTimer: NodeJS.Timeout | undefined
  const stop = (): void => {
    signalTree(child, 'SIGTERM')
    graceTimer = setTimeout(() => signalTree(child, 'SIGKILL'), killGrace * 1000)
  }
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.once('error', (err) => {
        reject(new CommandFailed(`cannot run \`${task.command}\`: ${err.message}`))
        // A failed spawn may never emit 'close'.
      })
      child.once('close', (code, signal) => resolve({ code, signal }))
    },
  )
  if (child.pid !== undefined) context.spawned(child.pid)
  context.signal.addEventListener('abort', stop, { once: true })
  try {
    // A plain promise: nothing but the child's end settles it. A Timeout of the attempt
    // aborts context.signal, which kills the child, which ends this wait.
    const { code, signal } = await ended
    if (context.signal.aborted) throw context.signal.reason
    if (code === 0) return 0
    if (code !== null) throw new CommandFailed(`exit code ${code}`, code)
    throw new CommandFailed(`killed by ${signal ?? 'a signal'}`)
  } finally {
    context.signal.removeEventListener('abort', stop)
    clearTimeout(graceTimer)
    // Whatever the command left running in its group goes with it.
    if (POSIX) signalTree(child, 'SIGKILL')
  }
}
