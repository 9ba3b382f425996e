import { testReadme } from '../../test-kit/src/test-readme.js'

testReadme(new URL('../README.md', import.meta.url))
