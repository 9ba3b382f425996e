import childProcess from 'node:child_process'
import dns from 'node:dns'
import dnsPromises from 'node:dns/promises'
import events from 'node:events'
import fs from 'node:fs'
import fsPromises from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import readlinePromises from 'node:readline/promises'
import streamPromises from 'node:stream/promises'
import timers from 'node:timers'
import timersPromises from 'node:timers/promises'
import tls from 'node:tls'

/** The objects patches are applied to, by the name you import them as (without `node:`). */
const MODULES: Record<string, object> = {
  globalThis,
  child_process: childProcess,
  dns,
  'dns/promises': dnsPromises,
  events,
  fs,
  'fs/promises': fsPromises,
  http,
  https,
  net,
  'readline/promises': readlinePromises,
  'stream/promises': streamPromises,
  timers,
  'timers/promises': timersPromises,
  tls,
}

/** Where `module`'s `name` (a dotted path: `scheduler.wait`) lives, or undefined if it does not. */
export function holderOf(
  module: string,
  name: string,
): { holder: object; key: string } | undefined {
  let holder: unknown = MODULES[module]
  const path = name.split('.')
  const key = path.pop() as string
  for (const step of path) {
    if (holder === null || (typeof holder !== 'object' && typeof holder !== 'function')) break
    holder = (holder as Record<string, unknown>)[step]
  }
  if (holder === null || (typeof holder !== 'object' && typeof holder !== 'function'))
    return undefined
  return { holder, key }
}
