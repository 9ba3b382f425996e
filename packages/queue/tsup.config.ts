import { strandBuild } from '../../tsup.base.js'

// stripInternal: the constructor overload through which a subclass hands Queue its item
// buffer is not part of the published types
export default strandBuild(['src/index.ts'], {
  dts: { compilerOptions: { stripInternal: true } },
})
