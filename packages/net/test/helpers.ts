import { sleep } from '@strand/core'
import { expect } from 'vitest'

// handle types a socket test may create: none may outlive the test
const NET_HANDLES = new Set([
  'TCPSocketWrap',
  'TCPServerWrap',
  'PipeWrap',
  'ConnectWrap',
  'ShutdownWrap',
  'WriteWrap',
  'CloseReq',
  'Timeout',
])

function counts(): Map<string, number> {
  const m = new Map<string, number>()
  for (const r of process.getActiveResourcesInfo()) {
    if (NET_HANDLES.has(r)) m.set(r, (m.get(r) ?? 0) + 1)
  }
  return m
}

/** The sockets, servers and timers alive now, to compare with at the end of a test. */
export function handles(): Map<string, number> {
  return counts()
}

/**
 * Waits (up to 2 s: closes finish asynchronously in Node) until no more sockets,
 * servers or timers are alive than in `before`.
 */
export async function expectNoHandlesLeft(before: Map<string, number>): Promise<void> {
  const deadline = performance.now() + 2000
  for (;;) {
    const now = counts()
    const extra = [...now].filter(([k, n]) => n > (before.get(k) ?? 0))
    if (extra.length === 0) return
    if (performance.now() > deadline) {
      expect(Object.fromEntries(extra), 'handles left open').toEqual({})
      return
    }
    await sleep(0.01)
  }
}

/** Upper-cases ASCII letters in place. */
export function upper(buf: Buffer): Buffer {
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i] as number
    if (c >= 97 && c <= 122) buf[i] = c - 32
  }
  return buf
}
