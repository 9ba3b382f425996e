import { strandBuild } from '../../tsup.base.js'

export default strandBuild(['src/index.ts', 'src/main.ts', 'src/socket-chat.ts', 'src/crawler.ts'])
