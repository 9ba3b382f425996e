import { strandBuild } from '../../tsup.base.js'

export default strandBuild([
  'src/index.ts',
  'src/monkey.ts',
  'src/net.ts',
  'src/redis.ts',
  'src/testing.ts',
  'src/threadpool.ts',
  'src/threadpool-worker.ts',
])
