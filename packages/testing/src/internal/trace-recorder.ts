import { inspect } from 'node:util'
import type { Greenlet, TraceEvent } from '@strand/core'
import { observeDeath } from '@strand/core/internal'
import { RunNames } from './names.js'
import { parents } from './parents.js'

type Kind = 'spawn' | 'start' | 'wait' | 'resume' | 'fail' | 'callback' | 'end' | 'note'
const CODES: Record<Kind, number> = {
  spawn: 1,
  start: 2,
  resume: 3,
  fail: 4,
  callback: 5,
  end: 6,
  note: 7,
  wait: 8,
}

/** Hub callbacks with a name that means nothing to a reader. */
const CALLBACKS: Record<string, string> = {
  reportIfUnobserved: 'the hub reports an error nobody retrieved',
}

interface Step {
  at: number
  kind: Kind
  who: Greenlet | null
  /** spawn: the parent */
  by: Greenlet | null
  /** resume/fail: the wait's label; callback: the function; end: how it ended */
  detail: string
  /** fail: the exception's name */
  error: string
}

/** Steps kept for the readable trace; older ones are dropped (and counted). */
const KEEP = 20_000

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : e === null ? 'null' : typeof e
}

// `Greenlet "x" (fn) dead: failed with TypeError` → `failed with TypeError`, without
// reading `.exception` (that would count as retrieving the failure)
function howItEnded(g: Greenlet): string {
  const text = inspect(g)
  const i = text.indexOf(' dead: ')
  return i < 0 ? 'ends' : text.slice(i + 7)
}

/**
 * Records one run's schedule from the hub's trace: the readable lines of a
 * {@link RaceFound}, a fingerprint of the interleaving (to count distinct schedules),
 * the step count (to stop a run that never ends) and who spawned whom.
 */
export class TraceRecorder {
  steps = 0
  readonly names = new RunNames()
  private readonly kept: Step[] = []
  private dropped = 0
  private hash = 0x811c9dc5
  private readonly ordinals = new Map<Greenlet, number>()
  /** what each greenlet last parked on, to name it when it resumes */
  private readonly waitingOn = new Map<Greenlet, string>()

  constructor(private readonly now: () => number) {}

  readonly onEvent = (e: TraceEvent): void => {
    switch (e.kind) {
      case 'spawn':
        this.names.add(e.greenlet)
        this.ordinals.set(e.greenlet, this.ordinals.size + 1)
        parents.set(e.greenlet, e.parent)
        observeDeath(e.greenlet, { notify: (g) => this.push('end', g, null, howItEnded(g), '') })
        this.push('spawn', e.greenlet, e.parent, '', '')
        return
      case 'start':
        this.push('start', e.greenlet, null, '', '')
        return
      case 'wait': {
        // a lock says which one; a join or a plain wait is best told by its label
        const r = e.resource
        const what = r !== null && r.waitsForEnd !== true ? r.resourceName() : e.label
        const text =
          e.label === 'sleep' && e.seconds !== null
            ? `sleeps ${e.seconds} s`
            : e.label === 'sleep(0)'
              ? 'yields (sleep(0))'
              : `waits on ${what}${e.seconds === null ? '' : ` (timeout ${e.seconds} s)`}`
        this.waitingOn.set(e.greenlet, what)
        this.push('wait', e.greenlet, null, text, '')
        return
      }
      case 'resume': {
        if (e.greenlet === null) return // the promise of a kill(): whoever awaits it shows next
        const what = this.waitingOn.get(e.greenlet) ?? e.label
        if (e.failed) this.push('fail', e.greenlet, null, what, errorName(e.error))
        else this.push('resume', e.greenlet, null, what, '')
        return
      }
      case 'callback':
        this.push('callback', null, null, e.name, '')
        return
    }
  }

  /** A line of commentary: how the program ended, what the clean-up does. */
  note(text: string): void {
    this.push('note', null, null, text, '')
  }

  /** Same interleaving (who ran after which wait, in which order), whatever the times. */
  get fingerprint(): number {
    return this.hash
  }

  /** One line per step: `0.0040s  worker-1 resumes after sleep`. */
  lines(): string[] {
    const names = this.names
    const name = (g: Greenlet | null): string => (g === null ? '?' : names.nameOf(g))
    const out = this.dropped > 0 ? [`… ${this.dropped} earlier steps`] : []
    for (const s of this.kept) {
      const who = name(s.who)
      let text: string
      switch (s.kind) {
        case 'spawn':
          text = `${name(s.by)} spawns ${who}`
          break
        case 'start':
          text = `${who} starts`
          break
        case 'wait':
          text = `${who} ${names.label(s.detail)}`
          break
        case 'resume':
          text = `${who} resumes after ${names.label(s.detail)}`
          break
        case 'fail':
          text = `${who} gets ${s.error} in ${names.label(s.detail)}`
          break
        case 'callback':
          text = CALLBACKS[s.detail] ?? `the hub runs ${s.detail}`
          break
        case 'note':
          text = s.detail
          break
        case 'end':
          text = `${who} ${s.detail === 'ends' ? 'ends' : `ends: ${s.detail}`}`
          break
      }
      out.push(`${s.at.toFixed(4)}s  ${text}`)
    }
    return out
  }

  private push(
    kind: Kind,
    who: Greenlet | null,
    by: Greenlet | null,
    detail: string,
    error: string,
  ): void {
    this.steps++
    let h = Math.imul(this.hash ^ CODES[kind], 0x01000193)
    h = Math.imul(h ^ (who === null ? 0 : (this.ordinals.get(who) ?? 0)), 0x01000193)
    const key = kind === 'end' ? detail : this.names.label(detail)
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
    this.hash = h >>> 0
    if (this.kept.length >= KEEP) {
      this.kept.splice(0, KEEP / 2)
      this.dropped += KEEP / 2
    }
    this.kept.push({ at: this.now(), kind, who, by, detail, error })
  }
}
