import { describe } from '@strand/core/internal'
import { AF_INET, AF_INET6, AF_UNIX } from '../constants.js'

/** A validated address: TCP host and port, or a Unix socket path. */
export type Target = { host: string; port: number; path?: undefined } | { path: string }

const FAMILY_NAMES: Record<number, string> = {
  [AF_INET]: 'AF_INET',
  [AF_INET6]: 'AF_INET6',
  [AF_UNIX]: 'AF_UNIX',
}

export function familyName(family: number): string {
  return FAMILY_NAMES[family] ?? String(family)
}

/**
 * Validates `addr` for a socket of `family` (null: infer it from the address).
 * `forBind`: port 0 (any free port) and host '' (every interface) are allowed.
 * @throws TypeError for a malformed address or one of the wrong family, RangeError for a bad port.
 */
export function checkAddress(
  name: string,
  addr: unknown,
  family: number | null,
  forBind: boolean,
): Target {
  if (typeof addr === 'string') {
    if (family !== null && family !== AF_UNIX) {
      throw new TypeError(
        `Expected \`${name}\` to be a [host, port] pair for an ${familyName(family)} socket, got ${describe(addr)}; use socket(AF_UNIX) for a Unix socket path`,
      )
    }
    if (addr === '') throw new TypeError(`Expected \`${name}\` to be a non-empty Unix socket path`)
    return { path: addr }
  }
  if (!Array.isArray(addr) || addr.length < 2) {
    throw new TypeError(
      `Expected \`${name}\` to be a [host, port] pair${family === AF_UNIX ? ' or, for AF_UNIX, a path' : ''}, got ${describe(addr)}`,
    )
  }
  if (family === AF_UNIX) {
    throw new TypeError(
      `Expected \`${name}\` to be a path for an AF_UNIX socket, got ${describe(addr)}`,
    )
  }
  const [host, port] = addr as unknown[]
  if (typeof host !== 'string') {
    throw new TypeError(`Expected the host of \`${name}\` to be a string, got ${describe(host)}`)
  }
  const min = forBind ? 0 : 1
  if (typeof port !== 'number' || !Number.isInteger(port) || port < min || port > 65535) {
    const err = typeof port === 'number' ? RangeError : TypeError
    throw new err(
      `Expected the port of \`${name}\` to be an integer from ${min} to 65535, got ${describe(port)}`,
    )
  }
  if (host === '') {
    if (!forBind)
      throw new TypeError(`Expected the host of \`${name}\` to be a host name or address, got \`\``)
    return { host: family === AF_INET6 ? '::' : '0.0.0.0', port }
  }
  return { host, port }
}

/** `127.0.0.1:8080`, `[::1]:8080`, or the path. */
export function formatTarget(t: Target): string {
  if (t.path !== undefined) return t.path
  return formatHostPort(t.host, t.port)
}

export function formatHostPort(host: string | undefined, port: number | undefined): string {
  if (host === undefined) return '?'
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}
