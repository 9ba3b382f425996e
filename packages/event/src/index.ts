export { AsyncResult, type Outcome } from './async-result.js'
export { Event } from './event.js'
