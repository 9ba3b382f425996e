import { strandBuild } from '../../tsup.base.js'

// a program, not a library: no declarations
export default strandBuild(['src/main.ts'], { dts: false })
