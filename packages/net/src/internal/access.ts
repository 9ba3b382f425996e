import type { Socket } from '../socket.js'
import type { Side } from './side.js'
import type { StreamSide } from './stream-side.js'

/** Module-private access to a Socket's state, for select(), accept and StreamServer. */
export interface SocketAccess {
  /** What the socket is now: connected/connecting, bound, or null (new). */
  side(s: Socket): Side | null
  stream(s: Socket): StreamSide | null
}

/** Set once by socket.ts, from inside the class (it reads the `#private` fields). */
export let access: SocketAccess

export function setAccess(a: SocketAccess): void {
  access = a
}
