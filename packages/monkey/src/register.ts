/**
 * `node --import @strand/monkey/register app.js`: applies {@link patchAll} before your
 * program loads, like `python -m gevent.monkey app.py`. The package's only module with
 * a side effect. `STRAND_DETECT_BLOCKING=0.1` also starts the blocking watchdog with
 * that threshold in seconds.
 *
 * @example
 * ```sh
 * node --import @strand/monkey/register app.js
 * STRAND_DETECT_BLOCKING=0.2 node --import @strand/monkey/register app.js
 * ```
 * @module
 */
import { patchAll } from './patch-all.js'

const blocking = process.env.STRAND_DETECT_BLOCKING
patchAll(blocking === undefined || blocking === '' ? {} : { detectBlocking: Number(blocking) })
