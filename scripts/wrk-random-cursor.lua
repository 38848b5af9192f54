-- wrk script: each request asks for a feed page at a random depth, so the server's page cache
-- (512 entries) mostly misses and the SQLite query + JSON rendering path is measured.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

local function base64url(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = (c and 4) or (b and 3) or 2
    for k = 1, chars do
      local index = math.floor(n / 64 ^ (4 - k)) % 64
      out[#out + 1] = alphabet:sub(index + 1, index + 1)
    end
  end
  return table.concat(out)
end

request = function()
  local id = math.random(21, 10000)
  return wrk.format("GET", "/api/v1/posts?limit=20&cursor=" .. base64url("p" .. id))
end
