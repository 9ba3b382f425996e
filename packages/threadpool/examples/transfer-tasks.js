// examples/transfer-tasks.js — a task that moves its result instead of copying it.
import { transfer } from '@strand/threadpool/worker'

/** @param {number} width @param {number} height */
export function render(width, height) {
  const pixels = new Uint8Array(width * height * 4).fill(255)
  return transfer({ pixels, width, height }, [pixels.buffer]) // moved, not copied
}

/** @param {Uint8Array} bytes */
export function sum(bytes) {
  let total = 0
  for (const b of bytes) total += b
  return total
}
