import { type Greenlet, getHub } from '@strand/core'
import { dropPendingInterrupt } from '@strand/core/internal'
import type { BaseGroup } from '../base-group.js'
import { ScopeCancelled } from '../errors.js'
import type { Members } from './members.js'

/** The fail-fast bookkeeping of one {@link Group.scope} run. */
export class Scope {
  readonly errors: unknown[] = []
  bodyRunning = true
  readonly cancelled = new ScopeCancelled()

  constructor(
    private readonly group: BaseGroup,
    private readonly caller: Greenlet,
  ) {}

  /** A member died: on the first failure, kill the siblings and cancel the body. */
  memberDied(g: Greenlet): void {
    if (g.successful()) return
    this.errors.push(g.exception)
    if (this.errors.length > 1) return
    for (const other of [...this.group]) void this.group.killone(other, { block: false })
    if (this.bodyRunning) getHub().interrupt(this.caller, this.cancelled, this)
  }
}

/** asyncio.TaskGroup semantics for a Group: see {@link Group.scope}. */
export async function runScope<G extends BaseGroup, R>(
  group: G,
  members: Members,
  body: (group: G) => R | PromiseLike<R>,
): Promise<Awaited<R>> {
  const caller = getHub().current()
  const scope = new Scope(group, caller)
  members.scope = scope
  let result: Awaited<R> | undefined
  let bodyFailed = false
  let bodyError: unknown
  try {
    result = await body(group)
  } catch (err) {
    if (err !== scope.cancelled) {
      bodyFailed = true
      bodyError = err
    }
  } finally {
    scope.bodyRunning = false
    dropPendingInterrupt(caller, scope)
  }
  try {
    if (bodyFailed || scope.errors.length > 0) await group.kill()
    else while (group.size > 0) await group.join()
  } catch (err) {
    // killed or timed out while waiting for the children: they do not outlive the scope
    await group.kill()
    throw err
  }
  const errors = bodyFailed ? [bodyError, ...scope.errors] : scope.errors
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) {
    throw new AggregateError(errors, `${errors.length} tasks of a Group.scope() failed`)
  }
  return result as Awaited<R>
}
