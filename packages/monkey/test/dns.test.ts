import { createSocket, type Socket } from 'node:dgram'
import dns from 'node:dns/promises'
import type { AddressInfo } from 'node:net'
import { sleep, spawn } from '@strand/core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { getOriginal, isPatched, patchDns, unpatchAll } from '../src/index.js'
import { interruptible } from './contract.js'

let silent: Socket
let servers: string[]

beforeAll(async () => {
  // a DNS server on 127.0.0.1 that reads every query and never answers
  silent = createSocket('udp4')
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve))
  servers = dns.getServers()
  patchDns()
  // setServers() makes Node re-bind the query functions: the patch must follow
  dns.setServers([`127.0.0.1:${(silent.address() as AddressInfo).port}`])
})
afterAll(() => {
  unpatchAll()
  dns.setServers(servers)
  silent.close()
})

describe('dns.promises inside a greenlet', () => {
  interruptible('resolve4 against a server that never answers', async () => ({
    block: () => dns.resolve4('never.test'),
  }))
  interruptible('resolve with an rrtype', async () => ({
    block: () => dns.resolve('never.test', 'TXT'),
  }))

  it('cancels the query itself (a resolver of its own, so no other query is touched)', async () => {
    const cancel = vi.spyOn(dns.Resolver.prototype, 'cancel')
    try {
      const other = dns.resolve4('other.test').catch((e: unknown) => e) // main's query
      const g = spawn(() => dns.resolve4('never.test'))
      await sleep(0.03)
      await g.kill()
      expect(cancel).toHaveBeenCalledTimes(1)
      const raced = await Promise.race([other, sleep(0.05).then(() => 'still waiting')])
      expect(raced).toBe('still waiting')
    } finally {
      cancel.mockRestore()
    }
  })

  it('keeps the patch and the new servers across setServers()', () => {
    expect(isPatched('dns')).toBe(true)
    expect(dns.resolve4).not.toBe(getOriginal('dns/promises', 'resolve4'))
    expect(dns.getServers()[0]).toContain('127.0.0.1')
  })

  it('looks up through the system resolver as unpatched', async () => {
    const { address } = await spawn(() => dns.lookup('localhost', { family: 4 })).get()
    expect(address).toBe('127.0.0.1')
  })
})

describe('outside greenlets', () => {
  it('queries with the default resolver, as unpatched', async () => {
    const err = await dns.resolve4('bad name with spaces..').catch((e: unknown) => e)
    expect((err as NodeJS.ErrnoException).code).toBeDefined()
    const { address } = await dns.lookup('localhost', { family: 4 })
    expect(address).toBe('127.0.0.1')
  })
})
