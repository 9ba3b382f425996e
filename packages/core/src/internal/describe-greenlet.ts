import { isGreenletExit } from '../errors.js'
import { DEAD, NEW, SCHEDULED } from './task.js'

/** What {@link describeGreenlet} needs to know. */
export interface GreenletFacts {
  name: string
  fn: string | undefined
  state: number
  waitingOn: string[]
  failed: boolean
  result: unknown
}

/** `Greenlet "fetch-1" (fetchUser) dead: failed with TypeError`: what console.log shows. */
export function describeGreenlet(f: GreenletFacts): string {
  const head = `Greenlet "${f.name}"${f.fn === undefined ? '' : ` (${f.fn})`}`
  return `${head} ${stateOf(f)}`
}

function stateOf(f: GreenletFacts): string {
  if (f.state === NEW) return 'not started'
  if (f.state === SCHEDULED) return 'scheduled'
  if (f.state !== DEAD) {
    return f.waitingOn.length > 0 ? `waiting on ${f.waitingOn.join(', ')}` : 'running'
  }
  if (f.failed) return `dead: failed with ${errorName(f.result)}`
  if (isGreenletExit(f.result)) return 'dead: killed'
  return 'dead: returned'
}

function errorName(e: unknown): string {
  if (e instanceof Error) return e.name
  return e === null ? 'null' : typeof e
}
