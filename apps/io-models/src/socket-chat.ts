/**
 * The document's two programs, to run in two terminals:
 *
 *   node dist/socket-chat.js server [--port 8080]     a greenlet per connection, upper-cases
 *   node dist/socket-chat.js client --port 8080       type lines, `q` (or an empty line) quits
 *
 * Both use 127.0.0.1 unless `--host` says otherwise. On a terminal the client prompts
 * `>>> `; when stdin is not a terminal (a pipe, a file) its lines are the conversation,
 * each echoed after the prompt so the transcript reads the same.
 */
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import type { Log } from '@strand/demo-kit'
import { signalHandler } from 'strand'
import { chat } from './socket-chat/chat-client.js'
import { startUpperServer } from './socket-chat/upper-server.js'

const USAGE = 'usage: socket-chat server [--host 127.0.0.1] [--port 0] | client --port <port>'

/** What the person at the keyboard (or the pipe) types, one line at a time. */
async function* typed(log: Log): AsyncGenerator<string> {
  const tty = process.stdin.isTTY === true
  const rl = createInterface({
    input: process.stdin,
    ...(tty ? { output: process.stdout, prompt: '>>> ' } : {}),
    terminal: tty,
  })
  try {
    if (tty) rl.prompt()
    for await (const line of rl) {
      if (!tty) log(`>>> ${line}`)
      yield line
      if (tty) rl.prompt()
    }
  } finally {
    rl.close()
  }
}

async function run(argv: string[], log: Log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string' } },
  })
  const port = Number(values.port ?? (positionals[0] === 'server' ? 0 : Number.NaN))
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    log(`expected --port to be a port number, got ${JSON.stringify(values.port)}; ${USAGE}`)
    return 2
  }
  if (positionals[0] === 'server') {
    const upper = await startUpperServer(log, [values.host, port])
    const [host, actual] = upper.server.address
    log(`server started on ${host}:${actual} (Ctrl-C stops it)`)
    const stop = signalHandler('SIGINT', async () => {
      stop.cancel()
      await upper.server.stop()
      log(`server stopped after ${upper.served} clients`)
    })
    return 0
  }
  if (positionals[0] === 'client') {
    await chat([values.host, port], typed(log), log)
    return 0
  }
  log(USAGE)
  return 2
}

process.exitCode = await run(process.argv.slice(2), console.log)
