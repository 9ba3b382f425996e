export { capture } from './testing/capture.js'
export { describeStories, expectedFile, expectStory } from './testing/describe-stories.js'
export { findExample } from './testing/find-example.js'
export { measuredTimes, normaliseOutput } from './testing/normalise-output.js'
