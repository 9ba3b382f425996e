import { strandBuild } from '../../tsup.base.js'

// stripInternal: BaseGroup's constructor (a Group or Pool hands it its members) is not
// part of the published types
export default strandBuild(['src/index.ts'], {
  dts: { compilerOptions: { stripInternal: true } },
})
