import { document as coroutineBasics } from '@strand/demo-coroutine-basics'
import { document as geventNotes } from '@strand/demo-gevent-notes'
import { document as ioModels } from '@strand/demo-io-models'
import { document as learningGevent } from '@strand/demo-learning-gevent'
import { document as pythonCoroutines } from '@strand/demo-python-coroutines'
import { documents, runTour } from './tour.js'

const ok = await runTour(
  documents(geventNotes, ioModels, coroutineBasics, learningGevent, pythonCoroutines),
)
process.exitCode = ok ? 0 : 1
