/** One stream entry handed to this consumer: its id, stored payload and delivery count. */
export interface RawEntry {
  readonly id: string
  readonly data: Buffer
  readonly deliveries: number
}

/** What the TAKE script answered: the entries, and whether the queue is shut down and empty. */
export interface Taken {
  readonly entries: RawEntry[]
  readonly drained: boolean
}

function text(value: unknown): string {
  return Buffer.isBuffer(value) ? value.toString('latin1') : String(value)
}

function bytes(value: unknown): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(String(value))
}

/** Reads the TAKE script's flat reply `{ status, id, payload, deliveries, … }`. */
export function parseTaken(reply: unknown): Taken {
  const flat = reply as unknown[]
  const entries: RawEntry[] = []
  for (let i = 1; i + 2 < flat.length; i += 3) {
    entries.push({ id: text(flat[i]), data: bytes(flat[i + 1]), deliveries: Number(flat[i + 2]) })
  }
  return { entries, drained: Number(flat[0]) === -1 }
}

/** Reads an `XREADGROUP … STREAMS key >` reply (null when it timed out or was unblocked). */
export function parseRead(reply: unknown): RawEntry[] {
  if (reply === null || reply === undefined) return []
  let streams = reply as [unknown, [unknown, unknown[] | null][]][]
  // A RESP3 map that was not turned into pairs: [key, entries, key, entries, …]
  if (!Array.isArray(streams[0])) {
    const flat = reply as unknown[]
    streams = []
    for (let i = 0; i + 1 < flat.length; i += 2) streams.push([flat[i], flat[i + 1] as never])
  }
  const entries: RawEntry[] = []
  for (const [, list] of streams) {
    for (const [id, fields] of list) {
      if (fields === null) continue // deleted while pending
      let data: Buffer = Buffer.alloc(0)
      for (let i = 0; i + 1 < fields.length; i += 2) {
        if (text(fields[i]) === 'd') data = bytes(fields[i + 1])
      }
      entries.push({ id: text(id), data, deliveries: 1 })
    }
  }
  return entries
}
