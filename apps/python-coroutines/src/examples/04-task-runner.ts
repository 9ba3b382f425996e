import type { Log } from '@strand/demo-kit'
import { formatEvent, formatSummary, runTasks, type TaskContext } from '@strand/taskrunner'
import { sleep } from 'strand'

export const title = 'the motivating program: a task runner with a pool, timeouts and retries'

/**
 * The service the document set out to build: run tasks in parallel, but never more than
 * N at once. Four in-process tasks go through `runTasks` (apps/taskrunner, the library
 * behind the `strand-tasks` CLI) with a `Pool(2)`, a 1 s timeout per attempt and one
 * retry. `flaky-report` fails once and succeeds on its retry; `slow-export` has its own
 * 0.5 s timeout and is stopped at its sleep. Times are short and 100 ms apart, so the
 * order of the lines is the same every run; measured times carry a tilde.
 */
export async function main(log: Log = console.log): Promise<void> {
  let running = 0
  let peak = 0
  let exportFinished = false
  /** A task that sleeps, counting how many run at once. */
  const work = async (seconds: number) => {
    running++
    peak = Math.max(peak, running)
    try {
      await sleep(seconds)
    } finally {
      running--
    }
  }

  const tasks = [
    { name: 'fetch-users', run: () => work(0.4) },
    {
      name: 'flaky-report',
      run: async ({ attempt }: TaskContext) => {
        await work(0.1)
        if (attempt === 1) throw new Error('connection reset')
      },
    },
    {
      name: 'slow-export',
      timeout: 0.5,
      retries: 0,
      run: async () => {
        await work(3)
        exportFinished = true
      },
    },
    { name: 'send-mail', run: () => work(0.2) },
  ]

  log('4 tasks, at most 2 at once; 1 s per attempt, 1 retry after 0.1 s')
  const report = await runTasks(tasks, {
    concurrency: 2,
    timeout: 1,
    retries: 1,
    backoff: 0.1,
    onEvent: (event) => {
      const line = formatEvent(event)
      if (line !== null) log(line)
    },
  })
  log('')
  for (const line of formatSummary(report)) log(line)
  log('')
  log(`at most ${peak} tasks ran at once; slow-export finished its work: ${exportFinished}`)
}
