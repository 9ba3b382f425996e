/**
 * Group and Pool for Strand greenlets: track a set of greenlets, bound how many run at
 * once, and map over items with `map`, `imap` and `imapUnordered` (gevent's `gevent.pool`).
 * @module
 */

export { Timeout, withTimeout } from '@strand/core'
export { BaseGroup, type KillOptions } from './base-group.js'
export { PoolFull, ScopeCancelled } from './errors.js'
export { Group } from './group.js'
export { type AddOptions, Pool } from './pool.js'
