/**
 * Node's handles and requests that mean real I/O: sockets, servers, DNS lookups, files,
 * child processes and watchers (the names `process.getActiveResourcesInfo()` reports).
 * Virtual time cannot cover any of them: they take real time, whatever the clock says.
 */
const IO_KINDS = new Set([
  'TCPSocketWrap',
  'TCPServerWrap',
  'TCPWRAP',
  'TCPSERVERWRAP',
  'ConnectWrap',
  'PipeConnectWrap',
  'UDPWrap',
  'UDPSendWrap',
  'GetAddrInfoReqWrap',
  'GetNameInfoReqWrap',
  'QueryReqWrap',
  'FSReqCallback',
  'FSReqPromise',
  'FileHandle',
  'FileHandleCloseReq',
  'ProcessWrap',
  'FSEventWrap',
  'StatWatcher',
  'HTTPClientRequest',
  'HTTPINCOMINGMESSAGE',
])

function count(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  return counts
}

/** What was started during a run and is still pending, by kind. */
export interface PendingOutside {
  /** Real I/O, e.g. `["TCPSocketWrap", "GetAddrInfoReqWrap"]` (one entry per handle). */
  io: string[]
  /** Real (ref'd) timers started meanwhile: a `setTimeout` may settle a promise the program awaits. */
  timers: number
  /** Some real timer is pending, started by the run or not. */
  anyTimer: boolean
}

/**
 * Compares Node's active resources with those of the moment the run began: what grew
 * was started by the run (or, rarely, by the test runner meanwhile).
 */
export class IOWatch {
  private readonly before = count()

  pending(): PendingOutside {
    const io: string[] = []
    let timers = 0
    const now = count()
    for (const [kind, n] of now) {
      const grown = n - (this.before.get(kind) ?? 0)
      if (grown <= 0) continue
      if (kind === 'Timeout') timers = grown
      else if (IO_KINDS.has(kind)) for (let i = 0; i < grown; i++) io.push(kind)
    }
    return { io, timers, anyTimer: (now.get('Timeout') ?? 0) > 0 }
  }
}

/** `2 TCPSocketWrap, 1 GetAddrInfoReqWrap`. */
export function describeIO(kinds: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')
}
