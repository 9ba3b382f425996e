import type { Log } from '@strand/demo-kit'
import { sleep } from 'strand'

/**
 * A scripted conversation: yields `lines` one by one, `pace` seconds apart, printing each
 * as it is "typed" (`ann >>> hello`), the way the prompt shows what a person types.
 */
export async function* scripted(
  name: string,
  lines: readonly string[],
  log: Log,
  pace = 0,
): AsyncGenerator<string> {
  for (const [i, line] of lines.entries()) {
    if (i > 0 && pace > 0) await sleep(pace)
    log(`${name} >>> ${line}`)
    yield line
  }
}
