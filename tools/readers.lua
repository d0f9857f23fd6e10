-- Readers for `make bench`'s working day (tools/working_day.py): wrk -s tools/readers.lua URL -- PAGES
-- Each request asks for a page drawn at random from PAGES, a file of paths one a line (a path written
-- several times is read that much more often), accepting gzip as browsers do. Each thread draws from its own
-- seeded sequence, so two runs ask for the same pages in the same order.

local paths = {}
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no pages in " .. args[1])
  end
  math.randomseed(7919 * number)
  wrk.headers["Accept-Encoding"] = "gzip"
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
