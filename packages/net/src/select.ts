import { getHub } from '@strand/core'
import { checkSeconds, describe, Waiter, type WaitOwner } from '@strand/core/internal'
import { access } from './internal/access.js'
import { closedError } from './internal/node-errors.js'
import type { ReadyWatcher } from './internal/side.js'
import { Socket } from './socket.js'

/**
 * What {@link select} resolves to: the ready sockets of each list, in the order given.
 * @example
 * ```ts
 * import { type SelectResult, select } from '@strand/net'
 *
 * const [readable, writable, exceptional]: SelectResult = await select([a, b], [c], [], 0)
 * ```
 */
export type SelectResult = [readable: Socket[], writable: Socket[], exceptional: Socket[]]

const SELECT_OWNER: WaitOwner = {
  onTimeout(w) {
    ;(w.data as SelectWait).unwatch()
    getHub().wake(w, [[], [], []])
  },
  onInterrupt(w) {
    ;(w.data as SelectWait).unwatch()
  },
}

function readable(s: Socket): boolean {
  return s.closed || (access.side(s)?.readable() ?? false)
}
function writable(s: Socket): boolean {
  return s.closed || (access.side(s)?.writable() ?? false)
}
function exceptional(s: Socket): boolean {
  return access.side(s)?.exceptional() ?? false
}

function poll(r: Socket[], w: Socket[], x: Socket[]): SelectResult | null {
  const rr = r.filter(readable)
  const ww = w.filter(writable)
  const xx = x.filter(exceptional)
  return rr.length + ww.length + xx.length > 0 ? [rr, ww, xx] : null
}

/** One waiting select(): watches its sockets and wakes its waiter on the first change that makes one ready. */
class SelectWait implements ReadyWatcher {
  waiter: Waiter | null = null
  private readonly all: Socket[]

  constructor(
    private readonly r: Socket[],
    private readonly w: Socket[],
    private readonly x: Socket[],
  ) {
    this.all = [...new Set([...r, ...w, ...x])]
  }

  watch(): void {
    for (const s of this.all) access.side(s)?.watch(this)
  }

  unwatch(): void {
    for (const s of this.all) access.side(s)?.unwatch(this)
  }

  changed(): void {
    const waiter = this.waiter
    if (waiter === null) return
    if (!waiter.pending) {
      this.unwatch() // ended some other way (LoopExit)
      return
    }
    const result = poll(this.r, this.w, this.x)
    if (result === null) return
    this.unwatch()
    getHub().wake(waiter, result)
  }
}

function checkList(name: string, list: unknown): Socket[] {
  if (list === null || typeof list !== 'object' || !(Symbol.iterator in list)) {
    throw new TypeError(`Expected \`${name}\` to be an array of sockets, got ${describe(list)}`)
  }
  const out = [...(list as Iterable<unknown>)]
  for (let i = 0; i < out.length; i++) {
    const s = out[i]
    if (!(s instanceof Socket)) {
      throw new TypeError(`Expected \`${name}[${i}]\` to be a Socket, got ${describe(s)}`)
    }
    if (s.closed) throw closedError(`select() of \`${name}[${i}]\``, undefined)
  }
  return out as Socket[]
}

/**
 * Waits until some of the sockets are ready — `rlist` for reading (data, end of stream,
 * an error, or on a listener a connection to accept), `wlist` for writing (connected and
 * below its high-water mark), `xlist` for a pending error — and returns those
 * (Python's `select.select`). `timeout` 0 polls; after `timeout` seconds it returns
 * three empty lists; without one it waits as long as it takes. A kill or Timeout
 * interrupts it like any wait.
 *
 * A socket closed while you wait is returned as ready (its next call raises `EBADF`).
 * @throws TypeError for a list that holds something other than a Socket; SocketError for a
 * closed socket; TypeError/RangeError for a bad `timeout`.
 * @example
 * ```ts
 * import { select } from '@strand/net'
 *
 * const [readable] = await select([listener, ...clients], [], [], 1)
 * for (const s of readable) {
 *   if (s === listener) clients.push((await s.accept())[0])
 *   else console.log(await s.recv(1024))
 * }
 * ```
 */
export function select(
  rlist: Iterable<Socket>,
  wlist: Iterable<Socket>,
  xlist: Iterable<Socket>,
  timeout?: number | null,
): Promise<SelectResult> {
  const r = checkList('rlist', rlist)
  const w = checkList('wlist', wlist)
  const x = checkList('xlist', xlist)
  const seconds = checkSeconds('timeout', timeout)
  const ready = poll(r, w, x)
  if (ready !== null) return Promise.resolve(ready)
  if (seconds === 0) return Promise.resolve([[], [], []])
  const state = new SelectWait(r, w, x)
  const waiter = getHub().park<SelectResult>(SELECT_OWNER, null, seconds, 'select', state)
  if (!(waiter instanceof Waiter)) return waiter
  state.waiter = waiter
  state.watch()
  return waiter.promise
}
