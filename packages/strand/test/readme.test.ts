import { testReadme } from '../../test-kit/src/test-readme.js'

testReadme(new URL('../README.md', import.meta.url))

// the repository's README shows examples of this package: they import `strand`
testReadme(new URL('../../../README.md', import.meta.url))
