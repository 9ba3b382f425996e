import type { Codec } from './codec.js'

/**
 * An entry of the dead-letter stream `{name}:dead`: an item that was delivered
 * `maxDeliveries` times without being acknowledged, or that the codec could not decode.
 * Read them with {@link RedisQueue.deadLetters}; put an item back with `put(d.item)`, and
 * remove entries with `XDEL {name}:dead <deadId>` (or `destroy()` the queue).
 *
 * @example
 * ```ts
 * const [dead] = await q.deadLetters()
 * dead.reason // => 'maxDeliveries'
 * dead.deliveries // => 5
 * ```
 */
export interface DeadLetter<T> {
  /** Its id in the dead-letter stream. */
  readonly deadId: string
  /** The id it had in the queue. */
  readonly id: string
  /** How often it was delivered. */
  readonly deliveries: number
  /** `maxDeliveries`, or `decode: <message>` for an entry the codec could not read. */
  readonly reason: string
  /** The stored bytes. */
  readonly data: Buffer
  /** The item, decoded; undefined when the codec cannot decode it. */
  readonly item: T | undefined
}

function text(value: unknown): string {
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value)
}

/** Reads an XRANGE reply of the dead-letter stream. */
export function readDeadLetters<T>(reply: unknown, codec: Codec<T>): DeadLetter<T>[] {
  const out: DeadLetter<T>[] = []
  for (const [deadId, fields] of (reply ?? []) as [unknown, unknown[]][]) {
    const f = new Map<string, unknown>()
    for (let i = 0; i + 1 < fields.length; i += 2) f.set(text(fields[i]), fields[i + 1])
    const raw = f.get('d')
    const data = Buffer.isBuffer(raw) ? raw : Buffer.from(text(raw ?? ''))
    let item: T | undefined
    try {
      item = codec.decode(data)
    } catch {
      item = undefined
    }
    out.push({
      deadId: text(deadId),
      id: text(f.get('id')),
      deliveries: Number(text(f.get('deliveries'))),
      reason: text(f.get('reason')),
      data,
      item,
    })
  }
  return out
}
