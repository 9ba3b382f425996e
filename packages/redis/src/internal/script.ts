import { createHash } from 'node:crypto'
import type { RedisClient } from './connection.js'

type Arg = string | number | Buffer

// ioredis has these at run time (every command gets a *Buffer twin) but does not type
// them. (`callBuffer` is no way round: under auto-pipelining it drops the command name.)
interface ScriptCalls {
  evalshaBuffer(sha: string, numkeys: number, ...args: Arg[]): Promise<unknown>
  evalBuffer(lua: string, numkeys: number, ...args: Arg[]): Promise<unknown>
}

/**
 * A Lua script run by its SHA1 (EVALSHA), loaded with EVAL the first time a server does
 * not know it (after a restart, on a new node): one round trip in the common case.
 * Replies come back with Buffers for strings, so payloads are not re-encoded.
 */
export class Script {
  readonly sha: string

  constructor(readonly lua: string) {
    this.sha = createHash('sha1').update(lua).digest('hex')
  }

  run(client: RedisClient, keys: readonly string[], args: readonly Arg[]): Promise<unknown> {
    const calls = client as unknown as ScriptCalls
    const n = keys.length
    return calls.evalshaBuffer(this.sha, n, ...keys, ...args).catch((err: unknown) => {
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) {
        return calls.evalBuffer(this.lua, n, ...keys, ...args)
      }
      throw err
    })
  }
}
