import { runDocument } from '@strand/demo-kit'
import { document } from './index.js'

process.exitCode = (await runDocument(document)) ? 0 : 1
