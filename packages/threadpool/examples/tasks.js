// examples/tasks.js — the tasks module: runs in the worker threads, so it is plain
// JavaScript that Node loads as it is (or the build output of your tasks.ts).
import { createHash } from 'node:crypto'

/** @param {number} n @returns {number} */
export function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2)
}

/** @param {string} text @param {number} rounds */
export function digest(text, rounds) {
  let out = text
  for (let i = 0; i < rounds; i++) out = createHash('sha256').update(out).digest('hex')
  return out.slice(0, 12)
}

/** 1,000 rounds of {@link digest}, one argument (for map/imap). @param {string} seed */
export function digestOf(seed) {
  return digest(seed, 1000)
}

export class QuotaError extends Error {
  /** @override */
  name = 'QuotaError'
  code = 'E_QUOTA'
}

/** @param {number} bytes */
export function reserve(bytes) {
  if (bytes > 1024) throw new QuotaError(`${bytes} bytes is over the quota`)
  return bytes
}
