-- Rotates wrk's requests over the paths given after "--" (the API benchmark's mix), one after the other.
local paths = {}
local n = 0

function init(args)
    for i, p in ipairs(args) do
        paths[i] = p
    end
end

function request()
    n = n + 1
    return wrk.format("GET", paths[(n % #paths) + 1])
end
