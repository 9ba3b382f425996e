import { describe } from '@strand/core/internal'
import { AF_INET, AF_INET6, AF_UNIX, SHUT_RD, SHUT_RDWR, SOCK_STREAM } from '../constants.js'

/** @throws TypeError/RangeError for a family or type this package does not offer. */
export function checkFamilyAndType(family: unknown, type: unknown): number {
  if (family !== AF_INET && family !== AF_INET6 && family !== AF_UNIX) {
    throw new RangeError(
      `Expected \`family\` to be AF_INET, AF_INET6 or AF_UNIX, got ${describe(family)}`,
    )
  }
  if (type !== SOCK_STREAM) {
    throw new RangeError(
      `Expected \`type\` to be SOCK_STREAM (datagram sockets are not offered yet), got ${describe(type)}`,
    )
  }
  return family
}

/** @throws TypeError unless `data` is bytes (Buffer, Uint8Array) or a string (sent as UTF-8). */
export function checkData(data: unknown): asserts data is Uint8Array | string {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    throw new TypeError(
      `Expected \`data\` to be a Buffer, a Uint8Array or a string, got ${describe(data)}`,
    )
  }
}

export function byteLength(data: Uint8Array | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
}

/** @throws RangeError/TypeError unless `n` is an integer from 0 up. */
export function checkBufsize(n: unknown): number {
  if (typeof n === 'number' && n >= 0 && Number.isInteger(n)) return n
  const err = typeof n === 'number' ? RangeError : TypeError
  throw new err(`Expected \`n\` to be an integer from 0 and up, got ${describe(n)}`)
}

/** @throws RangeError unless `how` is SHUT_RD, SHUT_WR or SHUT_RDWR. */
export function checkHow(how: unknown): number {
  if (how !== SHUT_RD && how !== 1 && how !== SHUT_RDWR) {
    throw new RangeError(
      `Expected \`how\` to be SHUT_RD, SHUT_WR or SHUT_RDWR, got ${describe(how)}`,
    )
  }
  return how
}
