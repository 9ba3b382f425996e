// gevent's examples/echoserver.py: a greenlet per connection, reading lines through makefile().
import { type Address, createConnection, type Socket, StreamServer } from '@strand/net'

export async function main(log: (line: string) => void = console.log): Promise<void> {
  // runs in its own greenlet for each connection; the socket is closed when it returns
  async function echo(sock: Socket, [host]: Address): Promise<void> {
    log(`new connection from ${host}`)
    await sock.sendall('Welcome to the echo server! Type quit to exit.\r\n')
    for await (const line of sock.makefile('rb')) {
      if (line.toString().trim().toLowerCase() === 'quit') {
        log('client quit')
        return
      }
      await sock.sendall(line)
      log(`echoed ${JSON.stringify(line.toString())}`)
    }
    log('client disconnected')
  }

  const server = new StreamServer(['127.0.0.1', 0], echo)
  await server.start() // or: await server.serveForever()

  // a client, as `telnet 127.0.0.1 <port>` would be
  const conn = await createConnection(server.address, { timeout: 5 })
  const reader = conn.makefile('rb')
  log(`client read ${JSON.stringify((await reader.readline()).toString())}`)
  await conn.sendall('hello\r\n')
  log(`client read ${JSON.stringify((await reader.readline()).toString())}`)
  await conn.sendall('quit\r\n')
  log(`client read ${(await reader.read()).length} bytes: end of stream`)
  conn.close()
  await server.stop()
}
