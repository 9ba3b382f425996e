// W14b: the same calls outside greenlets, patches on (`strand`) and off (`unpatched`):
// there a patched call must behave exactly as unpatched, at no measurable cost.

import type { Workload } from '../workload.js'
import { LOOPS, outsideGreenlets, patchOnce } from './w14-monkey.js'

export const workload: Workload = {
  id: 'W14b',
  title: `setTimeout(0) from timers/promises outside greenlets, ${LOOPS} async loops, patches on vs off`,
  unit: 'calls/s',
  kind: 'throughput',
  n: 200_000,
  target: 'within noise of unpatched (≥ 0.95×)',
  goals: [{ peer: 'unpatched', ratio: 0.95 }],
  peers: {
    strand: async (n) => {
      patchOnce()
      await outsideGreenlets(n)
    },
    unpatched: (n) => outsideGreenlets(n),
  },
}
