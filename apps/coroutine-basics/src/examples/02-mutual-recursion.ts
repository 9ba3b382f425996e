import type { Log } from '@strand/demo-kit'

export const title = 'Producer and consumer calling each other: the stack only grows'

/**
 * producer() calls consumer() calls producer() … Nothing ever returns, so every turn adds
 * a frame: the demo stops after three rounds and shows the depth, then lets the unbounded
 * version run into the stack limit (caught) instead of crashing.
 */
export async function main(log: Log = console.log): Promise<void> {
  const rounds = 3
  function producer(depth: number): void {
    log(`produce one (stack depth ${depth})`)
    consumer(depth + 1)
  }
  function consumer(depth: number): void {
    log(`consume one (stack depth ${depth})`)
    if (depth < rounds * 2) producer(depth + 1)
  }
  producer(1)
  log(
    `(stopped after ${rounds} rounds: each call is a new frame, a new instance, never the same one)`,
  )

  function unboundedProducer(): void {
    unboundedConsumer()
  }
  function unboundedConsumer(): void {
    unboundedProducer()
  }
  try {
    unboundedProducer()
  } catch (err) {
    log(`without the bound: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`)
  }
}
