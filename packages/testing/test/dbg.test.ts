import { sleep } from '@strand/core'
import { it } from 'vitest'
import { withVirtualTime } from '../src/index.js'

it('still', async () => {
  const p = withVirtualTime(() => sleep(1), { autojump: false }).catch((e) => e)
  const r = await Promise.race([p, new Promise((r) => setTimeout(() => r('TIMEOUT'), 2000))])
  console.log('result', String(r).slice(0, 300), process.getActiveResourcesInfo())
}, 10000)
