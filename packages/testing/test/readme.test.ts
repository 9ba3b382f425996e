// The README's vitest example runs as part of this suite (its node:test twin runs in
// dist.test.ts; the planted bugs it shows run in explore.test.ts).
import '../examples/vitest.example.js'
