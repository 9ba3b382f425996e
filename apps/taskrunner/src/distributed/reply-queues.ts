import { RedisQueue } from 'strand/redis'
import type { ResultMessage } from './task-message.js'

const KEEP = 8

/**
 * The results queues a worker writes to, one per submission, kept open for the few most
 * recent submissions (one connection each) and closed when they fall out of use.
 */
export class ReplyQueues {
  private readonly open = new Map<string, RedisQueue<ResultMessage>>()

  constructor(
    private readonly url: string,
    private readonly connectTimeout: number,
  ) {}

  async put(name: string, message: ResultMessage): Promise<void> {
    let q = this.open.get(name)
    if (q === undefined) {
      q = new RedisQueue<ResultMessage>({
        url: this.url,
        name,
        connectTimeout: this.connectTimeout,
      })
      this.open.set(name, q)
      if (this.open.size > KEEP) {
        const [oldest, queue] = this.open.entries().next().value as [
          string,
          RedisQueue<ResultMessage>,
        ]
        this.open.delete(oldest)
        await queue.close()
      }
    } else {
      // most recently used last
      this.open.delete(name)
      this.open.set(name, q)
    }
    await q.put(message)
  }

  async close(): Promise<void> {
    const queues = [...this.open.values()]
    this.open.clear()
    await Promise.all(queues.map((q) => q.close()))
  }
}
