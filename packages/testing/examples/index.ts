// The planted bugs of the README, each with its correct version.
import { checkThenAct, checkThenActFixed } from './check-then-act.js'
import { forgottenTaskDone, forgottenTaskDoneFixed } from './forgotten-task-done.js'
import { lockOrder, lockOrderFixed } from './lock-order.js'
import { lostUpdate, lostUpdateFixed } from './lost-update.js'
import { timeoutSplitUpdate, timeoutSplitUpdateFixed } from './timeout-split-update.js'

export interface PlantedBug {
  name: string
  buggy: () => Promise<void>
  fixed: () => Promise<void>
}

export const plantedBugs: PlantedBug[] = [
  { name: 'lost update (read, await, write back)', buggy: lostUpdate, fixed: lostUpdateFixed },
  { name: 'check-then-act on Queue.empty()', buggy: checkThenAct, fixed: checkThenActFixed },
  { name: 'two locks in opposite orders', buggy: lockOrder, fixed: lockOrderFixed },
  {
    name: 'a worker forgets taskDone(), join() hangs',
    buggy: forgottenTaskDone,
    fixed: forgottenTaskDoneFixed,
  },
  {
    name: 'a Timeout between two halves of an update',
    buggy: timeoutSplitUpdate,
    fixed: timeoutSplitUpdateFixed,
  },
]
