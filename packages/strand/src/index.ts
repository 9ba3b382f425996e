// The umbrella: one import for the whole toolkit. Each line re-exports one package.
export * from '@strand/core'
export * from '@strand/event'
export * from '@strand/lock'
export * from '@strand/pool'
export * from '@strand/queue'
