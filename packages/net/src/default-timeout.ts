import { checkSeconds } from '@strand/core/internal'

let defaultTimeout: number | null = null

/**
 * The timeout new sockets start with (Python's `socket.getdefaulttimeout()`): `null`
 * (block without limit) unless {@link setdefaulttimeout} changed it.
 *
 * @example
 * ```ts
 * import { getdefaulttimeout } from '@strand/net'
 *
 * getdefaulttimeout() // => null
 * ```
 */
export function getdefaulttimeout(): number | null {
  return defaultTimeout
}

/**
 * Sets the timeout, in seconds, of sockets created from now on (also accepted ones and
 * those of {@link createConnection}); `null` for none, `0` for non-blocking. Sockets
 * that exist keep theirs.
 * @throws TypeError/RangeError for a value that is not null or a number of seconds from 0 up.
 * @example
 * ```ts
 * import { setdefaulttimeout, socket } from '@strand/net'
 *
 * setdefaulttimeout(5)
 * socket().gettimeout() // => 5
 * setdefaulttimeout(null)
 * ```
 */
export function setdefaulttimeout(seconds: number | null): void {
  defaultTimeout = checkSeconds('seconds', seconds)
}
