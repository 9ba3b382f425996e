import { isPatched, patchAll, unpatchAll } from 'strand/monkey'

/**
 * Runs `fn` with Node's IO patched (gevent's `monkey.patch_all()`), then puts the
 * originals back, so the next demo in the same process runs unpatched. If the process was
 * patched already (`node --import @strand/monkey/register`), it stays as it was.
 */
export async function whilePatched<T>(fn: () => Promise<T>): Promise<T> {
  if (isPatched('fetch')) return fn()
  patchAll()
  try {
    return await fn()
  } finally {
    unpatchAll()
  }
}
