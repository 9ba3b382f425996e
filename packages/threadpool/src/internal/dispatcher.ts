import type { TransferListItem } from 'node:worker_threads'
import { getHub } from '@strand/core'
import { WaitList, type WaitOwner, waitPromise } from '@strand/core/internal'
import { Piscina } from 'piscina'
import { ThreadPoolClosed } from '../errors.js'
import type { PoolSettings } from './checks.js'
import { Gate } from './gate.js'
import { WORKER_DATA_KEY } from './remote-error.js'
import { TaskSignal } from './task-signal.js'
import { translate } from './translate.js'

const DRAIN_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }

/**
 * The piscina side of a ThreadPool: starts the threads on the first task, hands each task
 * over with the caller's interrupt signal and waits for it cooperatively, counts what is
 * in flight (for close), admits under `maxQueue`, and ends the threads once.
 */
export class Dispatcher {
  private piscina: Piscina | null = null
  private readonly gate: Gate | null
  /** tasks handed to piscina and not settled yet */
  private inflight = 0
  private closed = false
  /** the threads are being ended: what is still running was cut off */
  private cutOff = false
  private ending: Promise<void> | null = null
  private readonly drained = new WaitList()

  /** @param dispatch the URL of dispatch.js, the module piscina runs in each thread */
  constructor(
    private readonly settings: PoolSettings,
    private readonly dispatch: string,
  ) {
    const { size, maxQueue } = settings
    this.gate = maxQueue === null ? null : new Gate(size + maxQueue)
  }

  /** Tasks waiting for a thread: queued in piscina, or waiting for room under `maxQueue`. */
  get pending(): number {
    return (this.piscina?.queueSize ?? 0) + (this.gate?.waiting ?? 0)
  }

  /** Runs task `name(...args)`; a cooperative wait of the calling greenlet. */
  submit(name: string, args: unknown[], transferList?: TransferListItem[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new ThreadPoolClosed(name))
    const gate = this.gate
    if (gate === null || gate.tryEnter()) return this.post(name, args, transferList)
    return gate.enter(name).then(() => {
      if (!this.closed) return this.post(name, args, transferList)
      gate.leave()
      throw new ThreadPoolClosed(name)
    })
  }

  /** Takes no more tasks; waits up to `seconds` for those in flight; ends the threads. */
  async close(seconds: number | null): Promise<void> {
    this.closed = true
    this.gate?.failAll((task) => new ThreadPoolClosed(task))
    const piscina = this.piscina
    if (piscina === null) return
    try {
      if (this.inflight > 0 && this.ending === null) {
        await getHub().wait(DRAIN_OWNER, this.drained, seconds, 'ThreadPool.close')
      }
    } finally {
      this.ending ??= this.end(piscina)
      await this.ending
    }
  }

  private async end(piscina: Piscina): Promise<void> {
    this.cutOff = true
    await piscina.destroy()
  }

  private post(name: string, args: unknown[], transferList?: TransferListItem[]): Promise<unknown> {
    const piscina = this.piscina ?? this.start()
    const signal = new TaskSignal(getHub().current())
    this.inflight++
    const task = piscina.run(
      [name, args],
      transferList === undefined ? { signal } : { signal, transferList },
    )
    return waitPromise(
      task.then(this.settled, (err: unknown) => {
        this.settled(undefined)
        throw translate(err, name, this.settings.errorClasses, this.cutOff)
      }),
      'ThreadPool task',
    )
  }

  private readonly settled = <T>(value: T): T => {
    this.gate?.leave()
    if (--this.inflight === 0 && this.drained.size > 0) getHub().wakeAll(this.drained, true)
    return value
  }

  private start(): Piscina {
    const { size, href } = this.settings
    const piscina = new Piscina({
      filename: this.dispatch,
      minThreads: size,
      maxThreads: size,
      workerData: { [WORKER_DATA_KEY]: href },
      // an idle thread keeps its event loop turning (piscina's default parks it in
      // Atomics.wait): what a finished task left behind runs, or fails, then, and not
      // inside the next task, which it would make fail (measured: no slower here)
      atomics: 'disabled',
    })
    // an error of an idle thread (say, a timer a finished task left behind) has no task
    // to fail: report it like an unobserved greenlet failure. Not the result of a task
    // aborted as it finished: piscina dropped the task and then hears from its thread
    piscina.on('error', (err: unknown) => {
      if (err instanceof Error && err.message.startsWith('Unexpected message from Worker')) return
      getHub().handleError(err, null)
    })
    this.piscina = piscina
    return piscina
  }
}
