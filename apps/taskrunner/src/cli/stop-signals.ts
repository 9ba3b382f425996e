import { signalHandler } from 'strand'

/** The exit codes a shell gives a process ended by each signal (128 + its number). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const

/** What {@link onStopSignals} gives: the run's abort signal and the exit code it asks for. */
export interface StopSignals {
  readonly signal: AbortSignal
  /** 130 after SIGINT, 143 after SIGTERM (the first one caught), null when none came. */
  exitCode(): number | null
  /** Gives the signals back to Node's defaults. */
  cancel(): void
}

/** Stops the run on the first SIGINT or SIGTERM (Ctrl-C) by aborting its signal. */
export function onStopSignals(): StopSignals {
  const controller = new AbortController()
  let caught: keyof typeof SIGNAL_EXIT | null = null
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((name) =>
    signalHandler(name, () => {
      caught ??= name
      controller.abort()
    }),
  )
  return {
    signal: controller.signal,
    exitCode: () => (caught === null ? null : SIGNAL_EXIT[caught]),
    cancel: () => {
      for (const h of handlers) h.cancel()
    },
  }
}
