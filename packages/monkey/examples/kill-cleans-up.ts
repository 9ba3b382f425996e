// Killing a greenlet stops what it waits on and closes what it opened.
import { exec } from 'node:child_process'
import { EventEmitter, once } from 'node:events'
import { open } from 'node:fs/promises'
import { setTimeout as delay } from 'node:timers/promises'
import { sleep, spawn } from '@strand/core'
import { patchAll, unpatchAll } from '@strand/monkey'

export async function main(log: (line: string) => void = console.log): Promise<void> {
  patchAll()
  let ticks = 0
  let pid: number | undefined
  const worker = spawn(async () => {
    setInterval(() => ticks++, 10) // cleared when the greenlet is killed
    pid = exec('sleep 10').pid // killed with the greenlet, and so is the shell's sleep
    const file = await open(new URL(import.meta.url), 'r') // closed when it is killed
    void file
    await Promise.all([delay(5000), once(new EventEmitter(), 'never')])
  })
  await sleep(0.1)
  await worker.kill()
  const before = ticks
  await sleep(0.05)
  log(`interval stopped: ${ticks === before}`) // => interval stopped: true
  // the child got its signal during the kill; give it a moment to exit
  let alive = true
  for (let i = 0; i < 100 && alive; i++) {
    try {
      process.kill(pid as number, 0)
      await sleep(0.02)
    } catch {
      alive = false
    }
  }
  log(`child running: ${alive}`) // => child running: false
  unpatchAll()
}
