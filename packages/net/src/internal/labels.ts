// What a socket wait is labelled with (shown by hub.runInfo() and in LoopExit messages).
export const RECV = 'Socket.recv'
export const SEND = 'Socket.send'
export const SENDALL = 'Socket.sendall'
export const CONNECT = 'Socket.connect'
export const ACCEPT = 'Socket.accept'
export const BIND = 'Socket.bind'
export const CLOSE = 'Socket.close'

/** `Socket.recv` → `recv()`, for messages. */
export function operationOf(label: string): string {
  return `${label.slice(label.indexOf('.') + 1)}()`
}
