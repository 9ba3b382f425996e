import { testReadme } from '../../test-kit/src/test-readme.js'

// the blocks only: test/examples.test.ts runs the examples (they export main(log))
testReadme(new URL('../README.md', import.meta.url), { run: false })
