/**
 * The names of the functions a tasks module `M` exports: what `apply`, `spawn` and `map`
 * accept. With `M = unknown` (no module type given), any string.
 *
 * @example
 * ```ts
 * import type { TaskName } from '@strand/threadpool'
 *
 * type Names = TaskName<{ hash(b: Uint8Array): string; size: number }> // => 'hash'
 * ```
 */
export type TaskName<M> = unknown extends M
  ? string
  : {
      [K in keyof M]-?: M[K] extends (...args: never[]) => unknown ? K : never
    }[keyof M] &
      string

/**
 * The parameters of task `K` of module `M` (`unknown[]` without a module type).
 *
 * @example
 * ```ts
 * import type { TaskArgs } from '@strand/threadpool'
 *
 * type A = TaskArgs<{ add(a: number, b: number): number }, 'add'> // => [a: number, b: number]
 * ```
 */
export type TaskArgs<M, K> = unknown extends M
  ? unknown[]
  : K extends keyof M
    ? M[K] extends (...args: infer A) => unknown
      ? A
      : never
    : never

/**
 * What task `K` of module `M` resolves to, awaited (`unknown` without a module type).
 *
 * @example
 * ```ts
 * import type { TaskResult } from '@strand/threadpool'
 *
 * type R = TaskResult<{ hash(b: Uint8Array): Promise<string> }, 'hash'> // => string
 * ```
 */
export type TaskResult<M, K> = unknown extends M
  ? unknown
  : K extends keyof M
    ? M[K] extends (...args: never[]) => infer R
      ? Awaited<R>
      : never
    : never

/**
 * The item type of `map`/`imap` over task `K`: its first parameter (each item is passed
 * as the only argument).
 *
 * @example
 * ```ts
 * import type { TaskItem } from '@strand/threadpool'
 *
 * type I = TaskItem<{ square(x: number): number }, 'square'> // => number
 * ```
 */
export type TaskItem<M, K> =
  TaskArgs<M, K> extends [infer First, ...unknown[]]
    ? First
    : TaskArgs<M, K> extends (infer E)[]
      ? E
      : undefined
