import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process'
import { CommandFailed } from '../command-failed.js'
import type { CommandTask } from '../task.js'
import type { AttemptContext } from './attempt-context.js'

const POSIX = process.platform !== 'win32'

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
 * attempt. Processes the command left behind in its group are killed when it exits.
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
): Promise<number> {
  context.signal.throwIfAborted()
  const options: SpawnOptions = {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: POSIX,
    shell: task.shell ?? false,
    env: task.env ? { ...process.env, ...task.env } : process.env,
  }
  if (task.cwd !== undefined) options.cwd = task.cwd
  const child = spawn(task.command, task.args ?? [], options)
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
