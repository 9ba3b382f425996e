/**
 * `strand/monkey`: @strand/monkey's patches, a subpath of its own because patching
 * changes Node's modules for the whole process (the main `strand` import never does).
 * `node --import @strand/monkey/register app.js` applies them before your program loads.
 * @module
 */
export {
  type BlockingWatchdog,
  detectBlocking,
  EventLoopBlocked,
  getOriginal,
  isPatched,
  type PatchOptions,
  type PatchReport,
  type PatchTarget,
  patchAll,
  patchChildProcess,
  patchDns,
  patchEvents,
  patchFetch,
  patchFs,
  patchNet,
  patchTimers,
  unpatchAll,
} from '@strand/monkey'
