-- :checkhealth valohai_ls
local M = {}

local health = vim.health or require('health')
local start = health.start or health.report_start
local ok = health.ok or health.report_ok
local warn = health.warn or health.report_warn
local err = health.error or health.report_error

function M.check()
  local ls = require('valohai_ls')
  start('valohai-ls')
  local cmd = ls.config.cmd[1]
  if vim.fn.executable(cmd) == 1 then
    local out = vim.fn.system({ cmd, 'version' })
    ok(('%s found: %s'):format(vim.fn.exepath(cmd), vim.trim(out)))
  else
    err(('%s not found'):format(cmd), vim.split(ls.install_help(), '\n'))
  end
  local name = vim.api.nvim_buf_get_name(0)
  if ls.is_valohai_file(name) then
    if vim.bo.filetype == ls.filetype then
      ok('this buffer has filetype ' .. ls.filetype)
    else
      warn(('this buffer has filetype %q, expected %s'):format(vim.bo.filetype, ls.filetype))
    end
  end
end

return M
