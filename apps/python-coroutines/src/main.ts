import { document } from './index.js'
import { runExamples } from './run-examples.js'

console.log(`=== ${document.id} ${document.title} ===`)
const ok = await runExamples(document)
process.exitCode = ok ? 0 : 1
