import type { Greenlet } from '../greenlet.js'

// how a link is called when its greenlet dies
export const RAW = 0 // in the hub, must not wait
export const LINK = 1 // in a new greenlet
export const LINK_VALUE = 2
export const LINK_EXCEPTION = 3

/**
 * Something told synchronously when a greenlet dies (joinAll, Group, a map run…).
 * An observer that lost interest sets `done`: it is then dropped lazily, so giving up
 * on a greenlet that many others also watch costs O(1), not a search of its links.
 */
export interface DeathObserver {
  notify(g: Greenlet): void
  readonly done?: boolean
}

/** A user callback registered by link(), linkValue(), linkException() or rawlink(). */
export class LinkEntry {
  constructor(
    readonly kind: number,
    readonly fn: Function,
  ) {}
}

export type Link = LinkEntry | DeathObserver

/** A greenlet's links: nothing, one (the common case: a Group or a joinAll), or several. */
export type Links = Link | Link[] | null

export function addLink(links: Links, link: Link): Links {
  if (links === null) return link
  if (!Array.isArray(links)) return [links, link]
  // sweep observers that gave up, each time the array doubles: amortised O(1) per link
  const n = links.length
  if (n >= 16 && (n & (n - 1)) === 0) {
    let kept = 0
    for (const l of links) if ((l as DeathObserver).done !== true) links[kept++] = l
    links.length = kept
  }
  links.push(link)
  return links
}

/** Removes the first link whose callback (or observer) is `target`. */
export function removeLink(links: Links, target: unknown): Links {
  if (links === null) return null
  if (!Array.isArray(links)) return linkTarget(links) === target ? null : links
  const i = links.findIndex((l) => linkTarget(l) === target)
  if (i >= 0) links.splice(i, 1)
  return links
}

function linkTarget(link: Link): unknown {
  return link instanceof LinkEntry ? link.fn : link
}
