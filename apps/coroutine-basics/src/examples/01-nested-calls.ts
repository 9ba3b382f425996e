import type { Log } from '@strand/demo-kit'

export const title = 'Subroutines: a calls b calls c'

/** Each call gets a fresh frame and returns before its caller goes on: a strict nesting. */
export async function main(log: Log = console.log): Promise<void> {
  function a(): void {
    log('a start')
    b()
    log('a end')
  }
  function b(): void {
    log('b start')
    c()
    log('b end')
  }
  function c(): void {
    log('c start')
    log('c end')
  }
  a()
}
