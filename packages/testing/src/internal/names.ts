import type { Greenlet } from '@strand/core'

/** How a report or a trace names greenlets and rewrites the names inside wait labels. */
export interface Namer {
  nameOf(g: Greenlet): string
  label(label: string): string
}

/** The names as they are: for reports about the thread's own hub. */
export const realNames: Namer = {
  nameOf: (g) => g.name,
  label: (label) => label,
}

const DEFAULT_NAME = /^Greenlet-\d+$/
const DEFAULT_IN_LABEL = /Greenlet-\d+/g

/**
 * Names that do not depend on what ran before: a greenlet left with its default name
 * (`Greenlet-<global id>`) is called `Greenlet-<k>`, the k-th unnamed greenlet of the
 * run, in traces and reports. So a replayed run prints the same trace as the original,
 * although the global ids have moved on.
 */
export class RunNames implements Namer {
  private readonly local = new Map<string, string>()

  /** Called at each spawn, in spawn order. */
  add(g: Greenlet): void {
    const name = g.name
    if (DEFAULT_NAME.test(name) && !this.local.has(name)) {
      this.local.set(name, `Greenlet-${this.local.size + 1}`)
    }
  }

  nameOf(g: Greenlet): string {
    const name = g.name
    return this.local.get(name) ?? name
  }

  label(label: string): string {
    if (!label.includes('Greenlet-')) return label
    return label.replace(DEFAULT_IN_LABEL, (m) => this.local.get(m) ?? m)
  }
}
