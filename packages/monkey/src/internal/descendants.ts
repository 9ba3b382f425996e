import { readdirSync, readFileSync } from 'node:fs'

function childrenOf(pid: number): number[] {
  const out: number[] = []
  let tasks: string[]
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return out // gone, or not Linux
  }
  for (const tid of tasks) {
    let text: string
    try {
      text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')
    } catch {
      continue
    }
    for (const word of text.split(' ')) if (word !== '') out.push(Number(word))
  }
  return out
}

/**
 * The processes below `pid` (children, their children, …), read from Linux's
 * `/proc/<pid>/task/<tid>/children`; empty elsewhere. Read before killing `pid`: once it
 * dies, its children are re-parented and can no longer be found this way.
 */
export function descendantsOf(pid: number): number[] {
  const found: number[] = []
  const todo = childrenOf(pid)
  while (todo.length > 0 && found.length < 10_000) {
    const next = todo.pop() as number
    found.push(next)
    for (const c of childrenOf(next)) todo.push(c)
  }
  return found
}
