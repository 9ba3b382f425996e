// runTasks: a pool of tasks, each attempt under its own timeout, with retries.
import { runTasks } from '@strand/taskrunner'
import { sleep } from 'strand'

const controller = new AbortController() // abort it to stop the whole run
const report = await runTasks(
  [
    {
      name: 'users',
      run: async ({ signal }) => {
        await sleep(0.01) // stands for a fetch(url, { signal })
        signal.throwIfAborted()
        return ['ada', 'linus']
      },
    },
    { name: 'nap', run: () => sleep(5), timeout: 0.05 }, // timed out, stopped at its sleep
    { name: 'build', command: process.execPath, args: ['-e', 'console.log("built")'] },
    async function warmUp() {}, // a bare function is a task named after it
  ],
  {
    concurrency: 2, // a Pool(2): never more than 2 at once, started in list order
    timeout: 30, // seconds per attempt (a task's own `timeout` wins)
    retries: 1, // extra attempts after a failure or timeout
    backoff: 0.01, // before the first retry, doubled for each further one
    signal: controller.signal,
  },
)
for (const r of report.results) console.log(r.name, r.status, r.attempts) // one per task, in list order
// => users ok 1
// => nap timed-out 2
// => build ok 1
// => warmUp ok 1
