import type { Log } from '@strand/demo-kit'
import { asynchronousIo } from '../five-models/asynchronous-io.js'
import { blockingIo } from '../five-models/blocking-io.js'
import { multiplexingIo } from '../five-models/multiplexing-io.js'
import { nonblockingIo } from '../five-models/nonblocking-io.js'
import { signalDrivenIo } from '../five-models/signal-driven-io.js'

export const title = 'The five IO models, each a small server and client on 127.0.0.1'

/**
 * The document's five IO models one after another, each with its own server and client
 * on a loopback port: blocking, non-blocking (polling), multiplexing (`select`),
 * signal-driven (SIGIO) and asynchronous (a completion-based read). The times are the
 * document's (the blocking server sleeps 2 s), measured from the client's connect.
 */
export async function main(log: Log = console.log): Promise<void> {
  await blockingIo(log)
  await nonblockingIo(log)
  await multiplexingIo(log)
  await signalDrivenIo(log)
  await asynchronousIo(log)
}
