// Lua run by EVAL, so each acquire or reconcile is one atomic step on the server. Time comes from
// `redis.call('TIME')`, so every process judges the window by the same clock. A key is two Redis
// keys: a sorted set `<key>:log` of entries `<id>:<requests>:<tokens>` scored by admission time,
// and a hash `<key>:sum` with the running totals of the entries still in the window.

const SERVER_TIME = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
`;

// Reading, pruning and recording entries of a key's log and sums.
const LOG_FUNCTIONS = `
local function amounts(member)
  local requests, tokens = string.match(member, ':(%d+):(%d+)$')
  return tonumber(requests), tonumber(tokens)
end
local function count(sum, requests, tokens)
  redis.call('HINCRBY', sum, 'requests', requests)
  redis.call('HINCRBY', sum, 'tokens', tokens)
end
local function prune(log, sum, now, window)
  local expired = redis.call('ZRANGEBYSCORE', log, '-inf', now - window)
  if #expired == 0 then return end
  local requests, tokens = 0, 0
  for _, member in ipairs(expired) do
    local r, t = amounts(member)
    requests = requests + r
    tokens = tokens + t
  end
  count(sum, -requests, -tokens)
  redis.call('ZREMRANGEBYSCORE', log, '-inf', now - window)
end
local function record(log, sum, member, requests, tokens, window)
  redis.call('ZADD', log, now, member)
  count(sum, requests, tokens)
  redis.call('PEXPIRE', log, window + 1000)
  redis.call('PEXPIRE', sum, window + 1000)
end
`;

/**
 * KEYS: log and sum per limited key. ARGV: windowMs, id, requests, then rpm, tpm, tokens per key
 * (-1 for no limit). Returns {1, 0, 0} when admitted, else {0, retryAfterMs, index of the key}.
 */
export const ACQUIRE_SCRIPT = `${SERVER_TIME}${LOG_FUNCTIONS}
local window = tonumber(ARGV[1])
local id = ARGV[2]
local requests = tonumber(ARGV[3])
local count = #KEYS / 2
local wait, blocking = 0, 0
for i = 1, count do
  local log, sum = KEYS[2 * i - 1], KEYS[2 * i]
  local rpm, tpm, tokens = tonumber(ARGV[3 * i + 1]), tonumber(ARGV[3 * i + 2]), tonumber(ARGV[3 * i + 3])
  local function fits(usedRequests, usedTokens)
    return (rpm < 0 or usedRequests + requests <= rpm) and (tpm < 0 or usedTokens + tokens <= tpm)
  end
  prune(log, sum, now, window)
  local usedRequests = tonumber(redis.call('HGET', sum, 'requests') or '0')
  local usedTokens = tonumber(redis.call('HGET', sum, 'tokens') or '0')
  if not fits(usedRequests, usedTokens) then
    local freeAt = now + window
    local entries = redis.call('ZRANGE', log, 0, -1, 'WITHSCORES')
    for j = 1, #entries, 2 do
      local r, t = amounts(entries[j])
      usedRequests = usedRequests - r
      usedTokens = usedTokens - t
      if fits(usedRequests, usedTokens) then
        freeAt = tonumber(entries[j + 1]) + window
        break
      end
    end
    if freeAt - now > wait then
      wait = freeAt - now
      blocking = i
    end
  end
end
if wait > 0 then return {0, wait, blocking} end
for i = 1, count do
  local log, sum = KEYS[2 * i - 1], KEYS[2 * i]
  local tokens = ARGV[3 * i + 3]
  record(log, sum, id .. ':' .. requests .. ':' .. tokens, requests, tokens, window)
end
return {1, 0, 0}
`;

/**
 * KEYS: log and sum per key. ARGV: windowMs, id, then from-requests, from-tokens, to-requests,
 * to-tokens per key. Replaces the entry in place; when it has left the window, records any
 * increase as a new entry now.
 */
export const RECONCILE_SCRIPT = `${SERVER_TIME}${LOG_FUNCTIONS}
local window = tonumber(ARGV[1])
local id = ARGV[2]
for i = 1, #KEYS / 2 do
  local log, sum = KEYS[2 * i - 1], KEYS[2 * i]
  local base = 4 * i - 1
  local fromRequests, fromTokens = tonumber(ARGV[base]), tonumber(ARGV[base + 1])
  local toRequests, toTokens = tonumber(ARGV[base + 2]), tonumber(ARGV[base + 3])
  prune(log, sum, now, window)
  local old = id .. ':' .. fromRequests .. ':' .. fromTokens
  local score = redis.call('ZSCORE', log, old)
  if score then
    redis.call('ZREM', log, old)
    redis.call('ZADD', log, score, id .. ':' .. toRequests .. ':' .. toTokens)
    count(sum, toRequests - fromRequests, toTokens - fromTokens)
  else
    local requests = math.max(0, toRequests - fromRequests)
    local tokens = math.max(0, toTokens - fromTokens)
    if requests > 0 or tokens > 0 then
      record(log, sum, id .. ':late:' .. requests .. ':' .. tokens, requests, tokens, window)
    end
  end
end
return 1
`;
