import { testReadme } from '../../../packages/test-kit/src/test-readme.js'

testReadme(new URL('../README.md', import.meta.url))
