import { type Socket, socket } from 'strand/net'
import { secondsSince } from './blocking-sleep.js'

/**
 * A listening socket on 127.0.0.1 with a port the system picks: the documents'
 * `common.IP_PORT`, without colliding with anything else on the machine.
 */
export async function listenOnLoopback(): Promise<Socket> {
  const listener = socket()
  await listener.bind(['127.0.0.1', 0])
  listener.listen()
  return listener
}

/** "~1.23 s": the time since `start` (a `performance.now()` reading), as the demos print it. */
export function at(start: number): string {
  return `~${secondsSince(start).toFixed(2)} s`
}
