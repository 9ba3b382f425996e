import { Hub } from './hub.js'

const HUB_KEY = Symbol.for('strand.hub')
let theHub: Hub | undefined

/**
 * The hub of this thread, created on first use. One per thread even when two copies of
 * Strand are loaded (it lives on `globalThis` under a `Symbol.for` key); a second copy
 * is warned about, since two libraries would then share one scheduler.
 *
 * @example
 * ```ts
 * import { getHub } from '@strand/core'
 *
 * getHub().clock.now() // seconds on the hub's clock
 * ```
 */
export function getHub(): Hub {
  return (theHub ??= findOrCreateHub())
}

function findOrCreateHub(): Hub {
  const slot = globalThis as Record<symbol, unknown>
  const existing = slot[HUB_KEY]
  if (existing !== undefined) {
    if (!(existing instanceof Hub)) warnSecondCopy()
    return existing as Hub
  }
  const hub = new Hub()
  slot[HUB_KEY] = hub
  return hub
}

function warnSecondCopy(): void {
  process.emitWarning(
    'Two copies of @strand/core are loaded; they share one hub. Deduplicate @strand/core (npm dedupe) to avoid subtle mismatches.',
    { code: 'STRAND_DUPLICATE_CORE' },
  )
}

/**
 * Makes `hub` the thread's hub until the returned function restores the previous one:
 * everything that calls {@link getHub} — spawn, sleep, every primitive — uses it
 * meanwhile. For tools that run a program in isolation on a fresh hub with a clock of
 * its own (`@strand/testing`); greenlets of the previous hub must not run meanwhile.
 *
 * @example
 * ```ts
 * import { Hub, VirtualClock } from '@strand/core'
 * import { installHub } from '@strand/core/internal'
 *
 * const restore = installHub(new Hub({ clock: new VirtualClock() }))
 * try {
 *   // … run the program under test
 * } finally {
 *   restore()
 * }
 * ```
 */
export function installHub(hub: Hub): () => void {
  const previous = getHub()
  const slot = globalThis as Record<symbol, unknown>
  theHub = hub
  slot[HUB_KEY] = hub
  return () => {
    theHub = previous
    slot[HUB_KEY] = previous
  }
}
