import { existsSync } from 'node:fs'
import { testReadme } from '../../test-kit/src/test-readme.js'

// the repository's README shows examples of this package: they import `strand`
testReadme(new URL('../../../README.md', import.meta.url))

// the umbrella's own README, once it has one (it shows the same examples/ files)
const own = new URL('../README.md', import.meta.url)
if (existsSync(own)) testReadme(own)
