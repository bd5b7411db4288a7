-- SessionKit's one script: every operation on a session's hash runs here, atomically.
--
-- KEYS[1]  the session's hash (one key per session, hash-tagged by id: one cluster slot)
-- ARGV[1]  operation: load | create | update | take
-- ARGV[2]  now, epoch milliseconds (the application's clock)
-- ARGV[3]  grace, milliseconds the hash outlives its deadline so the sweeper can still
--          read an expired session and report it with its attributes
--
-- Hash fields: meta = '<created> <accessed> <maxInactive> <version>' (epoch ms, epoch ms,
-- ms, a counter; a negative maxInactive never expires: one field, since each hash field
-- costs Redis about 80 bytes of its own), principal (optional), and attr:<name> = the
-- attribute's JSON. The version grows with every write of attributes, principal or
-- maxInactive, not with touches, so '<created>:<version>' names the session's content:
-- a client that holds that content asks for it by that token. Meta without a version
-- (written by an older SessionKit) names no content until the next write.
-- A session is expired when maxInactive >= 0 and accessed + maxInactive <= now.
-- Replies start with a status word; session data follows as field, value pairs.

local key = KEYS[1]
local op = ARGV[1]
local now = tonumber(ARGV[2])
local grace = tonumber(ARGV[3])

-- Meta is written from the texts it was read or sent as: formatting numbers costs a
-- script more than the commands it runs.
local function meta_text(created, accessed, max_inactive, version)
  local value = created .. ' ' .. accessed .. ' ' .. max_inactive
  if version then
    value = value .. ' ' .. version
  end
  return value
end

local function write_meta(created, accessed, max_inactive, version)
  local value = meta_text(created, accessed, max_inactive, version)
  redis.call('HSET', key, 'meta', value)
  return value
end

local function content_token(meta)
  if meta.version then
    return meta.created .. ':' .. meta.version
  end
  return nil
end

local function expire_at(accessed, max_inactive)
  if max_inactive < 0 then
    redis.call('PERSIST', key)
  else
    redis.call('PEXPIREAT', key, accessed + max_inactive + grace)
  end
end

local function is_expired(accessed, max_inactive)
  return max_inactive >= 0 and accessed + max_inactive <= now
end

-- Returns the session's meta as { created (text), accessed, max_inactive (numbers),
-- accessed_text, max_inactive_text, version (text, nil if none), text }; or nil and
-- 'missing' when there is no key, or nil and 'corrupt' when the key is not a session hash
-- (it is then deleted).
local function read_meta()
  local value = redis.pcall('HGET', key, 'meta')
  if type(value) == 'string' then
    local created, accessed, max_inactive, version = string.match(value, '^(%-?%d+) (%-?%d+) (%-?%d+) ?(%d*)$')
    if created then
      return { created = created, accessed = tonumber(accessed), accessed_text = accessed,
        max_inactive = tonumber(max_inactive), max_inactive_text = max_inactive,
        version = (version ~= '') and version or nil, text = value }
    end
  elseif redis.call('EXISTS', key) == 0 then
    return nil, 'missing'
  end
  -- a key of another type (HGET failed), a hash without meta, or meta that is not numbers
  redis.call('DEL', key)
  return nil, 'corrupt'
end

local function with_status(status, data)
  table.insert(data, 1, status)
  return data
end

-- Deletes the session and answers it, with the given status word first.
local function remove_answering(status)
  local data = redis.call('HGETALL', key)
  redis.call('DEL', key)
  return with_status(status, data)
end

if op == 'load' then
  -- ARGV[4]: '1' to record this access (slides the deadline), '0' to only read
  -- ARGV[5]: the content token the caller holds, or '': the same content is answered
  -- 'same' with the current meta, without the attributes
  local meta, status = read_meta()
  if not meta then
    return { status }
  end
  if is_expired(meta.accessed, meta.max_inactive) then
    return remove_answering('expired')
  end
  local meta_text = meta.text
  if ARGV[4] == '1' and now > meta.accessed then
    meta_text = write_meta(meta.created, ARGV[2], meta.max_inactive_text, meta.version)
    expire_at(now, meta.max_inactive)
  end
  if ARGV[5] ~= '' and ARGV[5] == content_token(meta) then
    return { 'same', meta_text }
  end
  return with_status('live', redis.call('HGETALL', key))
end

if op == 'create' then
  -- ARGV[4]: accessed, ARGV[5]: maxInactive, ARGV[6..]: field, value pairs (all fields,
  -- meta with version 1)
  if redis.call('EXISTS', key) == 1 then
    return { 'collision' }
  end
  local fields = {}
  for i = 6, #ARGV do
    fields[#fields + 1] = ARGV[i]
  end
  redis.call('HSET', key, unpack(fields))
  expire_at(tonumber(ARGV[4]), tonumber(ARGV[5]))
  return { 'created' }
end

if op == 'update' then
  -- ARGV[4]: new accessed or '', ARGV[5]: new maxInactive or '',
  -- ARGV[6]: principal: '' unchanged, '-' removed, '=<name>' set,
  -- ARGV[7]: count of removed attribute fields, then those fields, then field, value pairs
  -- Answers 'updated', the old principal, and the content tokens before and after.
  local meta = read_meta()
  if not meta then
    return { 'gone' }
  end
  local accessed, max_inactive = meta.accessed, meta.max_inactive
  if is_expired(accessed, max_inactive) then
    return remove_answering('expired')
  end
  local old_principal = ''
  if ARGV[6] ~= '' then
    old_principal = redis.call('HGET', key, 'principal') or ''
  end
  local removed = tonumber(ARGV[7])
  if removed > 0 then
    local fields = {}
    for i = 8, 7 + removed do
      fields[#fields + 1] = ARGV[i]
    end
    redis.call('HDEL', key, unpack(fields))
  end
  -- the attributes, the new meta and a new principal: one HSET, each call costs
  local fields = {}
  for i = 8 + removed, #ARGV do
    fields[#fields + 1] = ARGV[i]
  end
  local accessed_text = (ARGV[4] ~= '') and ARGV[4] or meta.accessed_text
  local max_inactive_text = (ARGV[5] ~= '') and ARGV[5] or meta.max_inactive_text
  local version = tostring((tonumber(meta.version) or 0) + 1)
  fields[#fields + 1] = 'meta'
  fields[#fields + 1] = meta_text(meta.created, accessed_text, max_inactive_text, version)
  local principal = ARGV[6]
  if principal == '-' then
    redis.call('HDEL', key, 'principal')
  elseif principal ~= '' then
    fields[#fields + 1] = 'principal'
    fields[#fields + 1] = string.sub(principal, 2)
  end
  redis.call('HSET', key, unpack(fields))
  if ARGV[4] ~= '' or ARGV[5] ~= '' then
    expire_at(tonumber(accessed_text), tonumber(max_inactive_text))
  end
  return { 'updated', old_principal, content_token(meta) or '',
    content_token({ created = meta.created, version = version }) }
end

if op == 'take' then
  -- ARGV[4]: 'any' removes a live or expired session; 'expired' removes only an expired
  -- one and answers a live one with its deadline (-1: never expires)
  local meta, status = read_meta()
  if not meta then
    return { status }
  end
  local accessed, max_inactive = meta.accessed, meta.max_inactive
  local expired = is_expired(accessed, max_inactive)
  if not expired and ARGV[4] == 'expired' then
    if max_inactive < 0 then
      return { 'live', -1 }
    end
    return { 'live', accessed + max_inactive }
  end
  return remove_answering(expired and 'expired' or 'taken')
end

return redis.error_reply('unknown SessionKit operation ' .. tostring(op))
