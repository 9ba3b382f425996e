import { Timeout } from '@strand/core'
import { AsyncResult, Event } from '@strand/event'
import { expect } from 'vitest'
import { type BlockingWait, waitersShown } from './contract.js'

const opts = (timeout: number | undefined) => (timeout === undefined ? undefined : { timeout })

export const EVENT_WAITS: BlockingWait[] = [
  {
    name: 'Event.wait',
    ownTimeout: { resolves: false },
    broadcast: true,
    make: () => {
      const ev = new Event()
      return {
        label: 'Event.wait',
        wait: (timeout) => ev.wait(opts(timeout)),
        wake: () => ev.set(),
        waiting: () => waitersShown(ev),
        granted: (v) => v === true,
        check: () => expect(ev.isSet()).toBe(true),
      }
    },
  },
  {
    name: 'AsyncResult.get',
    ownTimeout: { rejects: Timeout },
    broadcast: true,
    make: () => {
      const r = new AsyncResult<string>()
      return {
        label: 'AsyncResult.get',
        wait: (timeout) => r.get(opts(timeout)),
        wake: () => r.set('value'),
        waiting: () => waitersShown(r),
        granted: (v) => v === 'value',
        check: () => expect(r.getNowait()).toBe('value'),
      }
    },
  },
  {
    name: 'AsyncResult.wait',
    ownTimeout: { resolves: undefined },
    broadcast: true,
    make: () => {
      const r = new AsyncResult<string>()
      return {
        label: 'AsyncResult.wait',
        wait: (timeout) => r.wait(opts(timeout)),
        wake: () => r.set('value'),
        waiting: () => waitersShown(r),
        granted: (v) => v === 'value',
        check: () => expect(r.getNowait()).toBe('value'),
      }
    },
  },
]
