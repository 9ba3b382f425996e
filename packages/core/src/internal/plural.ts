/** `1 getter waiting`, `2 getters waiting`: counts in the short forms `util.inspect` shows. */
export function waitingCount(count: number, noun = 'waiter'): string {
  return `${count} ${noun}${count === 1 ? '' : 's'} waiting`
}
