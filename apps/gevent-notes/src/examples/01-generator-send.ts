import type { Log } from '@strand/demo-kit'

export const title = 'A yield coroutine driven by send(x)'

/**
 * Python's `f.send(x)` is `gen.next(x)` in JavaScript: the generator runs until its next
 * `yield`, and the value you pass becomes the result of the `yield` it stopped at.
 */
export async function main(log: Log = console.log): Promise<void> {
  function* foo(): Generator<string, void, number> {
    log('foo start')
    let r = ''
    while (true) {
      const num = yield r
      log(String(num))
      r = 'OK'
    }
  }

  const f = foo()
  f.next() // Python 2's f.next(): run up to the first yield
  log('begin send')
  for (let x = 0; x < 5; x++) {
    const r = f.next(x).value
    log(String(r))
  }
  f.return() // f.close()
}
