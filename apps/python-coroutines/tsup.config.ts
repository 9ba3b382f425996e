import { strandBuild } from '../../tsup.base.js'

export default strandBuild(['src/index.ts', 'src/main.ts', 'src/legacy-program.ts'])
