import { getHub, sleep } from '@strand/core'
import { afterEach, beforeEach } from 'vitest'

export const sqr = async (x: number, s = 0): Promise<number> => {
  await sleep(s)
  return x * x
}

/** Counts tasks running at once; `peak` is the most ever seen. */
export function meter() {
  const m = {
    now: 0,
    peak: 0,
    task: async <T>(x: T, seconds = Math.random() * 0.003): Promise<T> => {
      m.now++
      m.peak = Math.max(m.peak, m.now)
      try {
        await sleep(seconds)
        return x
      } finally {
        m.now--
      }
    },
  }
  return m
}

/** Collects what the hub would report (failed, unobserved greenlets) instead of printing it. */
export function captureReports(): unknown[] {
  const reported: unknown[] = []
  const original = getHub().handleError
  beforeEach(() => {
    reported.length = 0
    getHub().handleError = (err) => reported.push(err)
  })
  afterEach(() => {
    getHub().handleError = original
  })
  return reported
}
