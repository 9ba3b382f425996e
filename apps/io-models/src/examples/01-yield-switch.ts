import type { Log } from '@strand/demo-kit'

export const title = 'Switching between func1 and func2 with yield'

/** A generator keeps its place between `next()` calls: func2 and func1 take turns. */
export async function main(log: Log = console.log): Promise<void> {
  function* func1(): Generator<void, void, void> {
    log('1')
    yield
    log('3')
    yield
  }
  function func2(): void {
    const gen = func1()
    gen.next()
    log('2')
    gen.next()
    log('4')
  }
  func2()
}
