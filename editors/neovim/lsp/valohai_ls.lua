-- Configuration for Neovim 0.11's vim.lsp.config / vim.lsp.enable: with this
-- directory on 'runtimepath', `vim.lsp.enable('valohai_ls')` is all it takes.
local ls = require('valohai_ls')

return {
  cmd = { 'valohai-ls' },
  filetypes = { ls.filetype, 'yaml' },
  -- Attach to valohai.yaml / valohai.yml only, even though plain yaml is listed.
  root_dir = function(bufnr, on_dir)
    if not ls.wants_buffer(bufnr) then return end
    on_dir(ls.root_dir(vim.api.nvim_buf_get_name(bufnr), { { 'valohai.yaml', 'valohai.yml' }, '.git' }))
  end,
  get_language_id = ls.language_id_for,
  -- The plugin's completion (whole items on several lines) and, before 0.10, K.
  on_attach = function(_, bufnr) ls.attach_buffer(bufnr) end,
}
