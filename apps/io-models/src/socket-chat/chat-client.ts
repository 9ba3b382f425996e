import type { Log } from '@strand/demo-kit'
import { type Address, socket } from 'strand/net'

/**
 * The document's client loop: sends each line it is given and prints what comes back,
 * until a line is empty or `q`, or the server closes. `lines` are what a person types
 * (stdin) or a scripted conversation. `name`, when given, starts every printed line so
 * that several clients in one output can be told apart.
 */
export async function chat(
  address: Address,
  lines: AsyncIterable<string> | Iterable<string>,
  log: Log,
  name = 'client',
): Promise<void> {
  const sk = socket()
  try {
    await sk.connect(address)
    for await (const typed of lines) {
      const data = typed.trim()
      if (data === '' || data === 'q') break
      await sk.sendall(data)
      const reply = await sk.recv(1024)
      if (reply.length === 0) break
      log(`${name} received ${reply.toString()}`)
    }
  } finally {
    sk.close()
  }
}
