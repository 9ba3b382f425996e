// `npm run readme:sync -w @strand/test-kit`: copies every example file into the README
// blocks that show it (the root README and each package's).
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { syncReadme } from './readme-examples.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const readmes = [
  `${root}README.md`,
  ...readdirSync(`${root}packages`).map((name) => `${root}packages/${name}/README.md`),
].filter((path) => existsSync(path))
for (const path of readmes) {
  const changed = syncReadme(path)
  if (changed > 0) console.log(`${path.slice(root.length)}: ${changed} block(s) updated`)
}
