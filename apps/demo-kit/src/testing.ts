export { capture } from './testing/capture.js'
export {
  describeStories,
  expectedFile,
  expectStory,
  type StoryOptions,
} from './testing/describe-stories.js'
export { findExample } from './testing/find-example.js'
export { measuredCounts, measuredTimes, normaliseOutput } from './testing/normalise-output.js'
export { leftOpen, openHandles } from './testing/open-handles.js'
