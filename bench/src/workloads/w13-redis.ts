// W13: a job queue on a real Redis — 20k no-op jobs put one after another by one producer
// and run by 4 concurrent consumers in the same process, end to end (first put to last
// acknowledgement). strand: RedisQueue (Redis Streams, a consumer group) with 4 greenlets
// looping get() → ack(), the producer putting on the same RedisQueue; strand-apart: the
// producer on a RedisQueue of its own (its own connection, as a producer in another process
// would be, and as BullMQ's Queue and Worker are); bullmq: Queue.add() and a Worker with
// concurrency 4, completed jobs removed (what RedisQueue does on ack). The notes give the latency from put() to the
// handler's start. Runs only when redis-server is on PATH: the runner starts one on a free
// loopback port for both peers.

import { Queue, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { joinAll, spawn } from 'strand'
import { RedisQueue } from 'strand/redis'
import { hasRedisServer, RedisServer } from '../../../packages/test-kit/src/redis-server.js'
import type { Measurement, Workload } from '../workload.js'

const CONSUMERS = 4
const URL_ENV = 'STRAND_BENCH_REDIS_URL'

interface Job {
  /** performance.now() at put time (same process). */
  t: number
}

function redisUrl(): string {
  const url = process.env[URL_ENV]
  if (url === undefined) throw new Error(`W13 needs ${URL_ENV} (the runner sets it)`)
  return url
}

/** A fresh database for each run: no peer sees another's keys. */
async function flush(url: string): Promise<void> {
  const client = new Redis(url)
  await client.flushall()
  client.disconnect()
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
}

function measured(n: number, seconds: number, latencies: number[]): Measurement {
  if (latencies.length !== n) throw new Error(`W13: ${latencies.length} jobs ran, expected ${n}`)
  const sorted = latencies.sort((a, b) => a - b)
  return {
    seconds,
    extra: { 'p50 ms': percentile(sorted, 0.5), 'p99 ms': percentile(sorted, 0.99) },
  }
}

let runs = 0

async function strandPeer(n: number, producerApart = false): Promise<Measurement> {
  const url = redisUrl()
  await flush(url)
  const name = `w13-${runs++}`
  const jobs = await new RedisQueue<Job>({ url, name }).connect()
  const producer = producerApart ? await new RedisQueue<Job>({ url, name }).connect() : jobs
  const latencies: number[] = []
  let end = 0
  const start = performance.now()
  const consumers = Array.from({ length: CONSUMERS }, () =>
    spawn(async () => {
      for await (const d of jobs) {
        latencies.push(performance.now() - d.item.t)
        await d.ack()
        if (latencies.length === n) end = performance.now()
      }
    }),
  )
  for (let i = 0; i < n; i++) await producer.put({ t: performance.now() })
  await jobs.join()
  await jobs.shutdown() // the consumers' loops end
  await joinAll(consumers, { raiseError: true })
  await jobs.close()
  if (producer !== jobs) await producer.close()
  return measured(n, (end - start) / 1000, latencies)
}

async function bullmqPeer(n: number): Promise<Measurement> {
  const url = new URL(redisUrl())
  await flush(url.href)
  const connection = { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null }
  const name = `w13-${runs++}`
  const queue = new Queue<Job>(name, {
    connection,
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
  })
  const latencies: number[] = []
  let finish: () => void = () => {}
  const allDone = new Promise<void>((resolve) => {
    finish = resolve
  })
  const worker = new Worker<Job>(
    name,
    async (job) => {
      latencies.push(performance.now() - job.data.t)
      if (latencies.length === n) finish()
    },
    { connection, concurrency: CONSUMERS, autorun: false },
  )
  await worker.waitUntilReady()
  void worker.run()
  const start = performance.now()
  for (let i = 0; i < n; i++) await queue.add('job', { t: performance.now() })
  await allDone
  const seconds = (performance.now() - start) / 1000
  await worker.close()
  await queue.close()
  return measured(n, seconds, latencies)
}

export const workload: Workload = {
  id: 'W13',
  title: 'Redis job queue: 20k no-op jobs, 1 producer, 4 consumers, end to end',
  unit: 'jobs/s',
  kind: 'throughput',
  n: 20_000,
  target: '≥ bullmq',
  goals: [{ peer: 'bullmq', ratio: 1 }],
  timeLimit: 300,
  async setup() {
    if (!hasRedisServer)
      return { skip: 'redis-server is not on PATH (apt-get install -y redis-server)' }
    const server = await RedisServer.start()
    return { env: { [URL_ENV]: server.url }, stop: () => server.stop() }
  },
  peers: {
    strand: (n) => strandPeer(n),
    'strand-apart': (n) => strandPeer(n, true),
    bullmq: bullmqPeer,
  },
}
