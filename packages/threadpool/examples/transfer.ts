// examples/transfer.ts — moving data to and from the threads (needs the build: the tasks
// module imports @strand/threadpool/worker, which Node resolves to dist/worker.js).
import { ThreadPool } from '@strand/threadpool'

export async function main(log = console.log): Promise<void> {
  await using pool = new ThreadPool<typeof import('./transfer-tasks.js')>({
    filename: new URL('./transfer-tasks.js', import.meta.url),
    size: 1,
  })
  const { pixels, width } = await pool.apply('render', [640, 480])
  log(`${width} px wide, ${pixels.byteLength} bytes`)

  const bytes = new Uint8Array(1024).fill(1)
  log(await pool.apply('sum', [bytes], { transferList: [bytes.buffer] }))
  log(`left here: ${bytes.byteLength} bytes`) // moved to the thread
}
