// The Lua scripts behind RedisQueue. Each runs atomically in Redis, so a decision
// ("is there room?", "is this still mine?", "past maxDeliveries?") and its effect are one
// step that no other consumer can interleave with.
//
// Keys, always in this order and all with the queue's one hash tag (same Cluster slot):
//   KEYS[1] = {name}        the stream: one entry per unacknowledged item, field `d` = payload
//   KEYS[2] = {name}:meta   a hash: `shutdown`, `cursor` (XAUTOCLAIM's), counters put/acked/dead
//   KEYS[3] = {name}:dead   the dead-letter stream
// Acknowledged entries are deleted (XACK + XDEL), so the stream holds exactly the items
// not acknowledged yet, and XLEN minus the group's pending count is what waits.

/** Shared helpers, prepended to the scripts that need them. */
const HELPERS = `
local function payload(fields)
  for i = 1, #fields, 2 do
    if fields[i] == 'd' then return fields[i + 1] end
  end
  return ''
end
local function pendingCount(stream, group)
  local s = redis.pcall('XPENDING', stream, group)
  if type(s) == 'table' and s.err == nil then return s[1] end
  return 0
end
`

/** ARGV: group, maxsize (0: unbounded), payload. Returns the id, 0 when full, -1 when shut down. */
export const PUT = `
${HELPERS}
local stream, meta = KEYS[1], KEYS[2]
if redis.call('HEXISTS', meta, 'shutdown') == 1 then return -1 end
local maxsize = tonumber(ARGV[2])
if maxsize > 0 then
  local len = redis.call('XLEN', stream)
  if len >= maxsize and len - pendingCount(stream, ARGV[1]) >= maxsize then return 0 end
end
local id = redis.call('XADD', stream, '*', 'd', ARGV[3])
redis.call('HINCRBY', meta, 'put', 1)
return id
`

/**
 * ARGV: group, consumer, minIdle (ms), maxDeliveries (0: no limit), count.
 * First takes over deliveries whose visibility timeout passed (XAUTOCLAIM, resuming a
 * cursor kept in meta so every pending entry is visited in turn; an entry past
 * maxDeliveries goes to the dead-letter stream instead), then reads new entries.
 * Returns { status, id, payload, deliveries, id, payload, deliveries, ... } where status
 * is -1 when the queue is shut down and nothing is left unacknowledged, else 0.
 */
export const TAKE = `
${HELPERS}
local stream, meta, dead = KEYS[1], KEYS[2], KEYS[3]
local group, consumer = ARGV[1], ARGV[2]
local minIdle, maxDeliveries, want = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local out = {0}
local start = redis.call('HGET', meta, 'cursor') or '0-0'
local cursor = start
local sweeps = 0
while want > 0 and sweeps < 4 do
  sweeps = sweeps + 1
  local r = redis.pcall('XAUTOCLAIM', stream, group, consumer, minIdle, cursor, 'COUNT', want)
  if r.err ~= nil then
    redis.pcall('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
    cursor = '0-0'
    break
  end
  cursor = r[1]
  for _, e in ipairs(r[2]) do
    if e then
      local id = e[1]
      local n = redis.call('XPENDING', stream, group, id, id, 1)[1][4]
      if maxDeliveries > 0 and n > maxDeliveries then
        redis.call('XADD', dead, '*', 'id', id, 'd', payload(e[2]), 'deliveries', n - 1,
          'reason', 'maxDeliveries')
        redis.call('XACK', stream, group, id)
        redis.call('XDEL', stream, id)
        redis.call('HINCRBY', meta, 'dead', 1)
      else
        out[#out + 1] = id
        out[#out + 1] = payload(e[2])
        out[#out + 1] = n
        want = want - 1
      end
    end
  end
  if cursor == '0-0' then break end
end
if cursor ~= start then redis.call('HSET', meta, 'cursor', cursor) end
if want > 0 then
  local r = redis.pcall('XREADGROUP', 'GROUP', group, consumer, 'COUNT', want, 'STREAMS', stream, '>')
  if type(r) == 'table' and r.err ~= nil then
    redis.pcall('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
    r = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', want, 'STREAMS', stream, '>')
  end
  if r then
    for _, e in ipairs(r[1][2]) do
      out[#out + 1] = e[1]
      out[#out + 1] = payload(e[2])
      out[#out + 1] = 1
    end
  end
end
if #out == 1 and redis.call('HEXISTS', meta, 'shutdown') == 1 and redis.call('XLEN', stream) == 0 then
  out[1] = -1
end
return out
`

/** ARGV: group, id, id, ... Acknowledges and deletes; returns how many were still pending. */
export const ACK = `
local stream, meta = KEYS[1], KEYS[2]
local n = 0
for i = 2, #ARGV do
  local r = redis.pcall('XACK', stream, ARGV[1], ARGV[i])
  if r == 1 then
    redis.call('XDEL', stream, ARGV[i])
    n = n + 1
  end
end
if n > 0 then redis.call('HINCRBY', meta, 'acked', n) end
return n
`

/**
 * ARGV: group, consumer, idle (ms), then pairs of id and delivery count. Gives entries that
 * this consumer still holds back to the group at once: their idle time is set past the
 * visibility timeout, so the next take anywhere claims them, with the given count.
 * Returns how many were released.
 */
export const RELEASE = `
local stream, meta = KEYS[1], KEYS[2]
local group, consumer, idle = ARGV[1], ARGV[2], ARGV[3]
local n = 0
for i = 4, #ARGV, 2 do
  local p = redis.pcall('XPENDING', stream, group, ARGV[i], ARGV[i], 1)
  if type(p) == 'table' and p.err == nil and p[1] and p[1][2] == consumer then
    redis.call('XCLAIM', stream, group, consumer, 0, ARGV[i], 'IDLE', idle,
      'RETRYCOUNT', ARGV[i + 1], 'JUSTID')
    n = n + 1
  end
end
if n > 0 then redis.call('HSET', meta, 'cursor', '0-0') end
return n
`

/** ARGV: group, consumer, id. Restarts the visibility clock if this consumer still holds it: 1, else 0. */
export const TOUCH = `
local stream = KEYS[1]
local group, consumer, id = ARGV[1], ARGV[2], ARGV[3]
local p = redis.pcall('XPENDING', stream, group, id, id, 1)
if type(p) == 'table' and p.err == nil and p[1] and p[1][2] == consumer then
  redis.call('XCLAIM', stream, group, consumer, 0, id, 'JUSTID')
  return 1
end
return 0
`

/** ARGV: group, id, reason, deliveries. Moves one held entry to the dead-letter stream: 1, or 0 if gone. */
export const BURY = `
${HELPERS}
local stream, meta, dead = KEYS[1], KEYS[2], KEYS[3]
local e = redis.call('XRANGE', stream, ARGV[2], ARGV[2])[1]
if not e then return 0 end
redis.call('XADD', dead, '*', 'id', ARGV[2], 'd', payload(e[2]), 'deliveries', ARGV[4],
  'reason', ARGV[3])
redis.pcall('XACK', stream, ARGV[1], ARGV[2])
redis.call('XDEL', stream, ARGV[2])
redis.call('HINCRBY', meta, 'dead', 1)
return 1
`

/** ARGV: group. Returns { length, pending, put, acked, dead, shutdown (0/1), dead length }. */
export const STATS = `
${HELPERS}
local stream, meta, dead = KEYS[1], KEYS[2], KEYS[3]
local m = redis.call('HMGET', meta, 'put', 'acked', 'dead', 'shutdown')
return { redis.call('XLEN', stream), pendingCount(stream, ARGV[1]), tonumber(m[1]) or 0,
  tonumber(m[2]) or 0, tonumber(m[3]) or 0, m[4] and 1 or 0, redis.call('XLEN', dead) }
`
