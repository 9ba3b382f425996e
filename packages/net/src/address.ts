/**
 * An IP socket address, as Python writes it: `[host, port]`. A Unix socket has its path
 * where an address goes, and `[path, 0]` where one is returned (`getsockname`,
 * `accept`), so a returned address always has this one shape.
 *
 * @example
 * ```ts
 * import type { Address } from '@strand/net'
 *
 * const addr: Address = ['127.0.0.1', 8080]
 * ```
 */
export type Address = [host: string, port: number]
