-- valohai_ls: start the valohai-ls language server for valohai.yaml files.
--
-- Works with Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start).
--
--   require('valohai_ls').setup()                      -- detect files, start the server on them
--   require('valohai_ls').setup({ cmd = { '/path/to/valohai-ls', '--log-level', 'debug' } })
--   require('valohai_ls').register_lspconfig()          -- or: use nvim-lspconfig instead
--     require('lspconfig').valohai_ls.setup({})
local M = {}

M.name = 'valohai_ls'
M.filetype = 'yaml.valohai'
M.file_names = { 'valohai.yaml', 'valohai.yml' }
M.language_id = 'valohai-yaml'

local defaults = {
  cmd = { 'valohai-ls' },
  -- yaml.valohai is set by the detection below; plain yaml covers setups where
  -- something else sets the filetype of valohai.yaml back to yaml.
  filetypes = { 'yaml.valohai', 'yaml' },
  -- Workspace root: the nearest directory upwards holding a valohai.yaml or
  -- valohai.yml; failing that, one holding .git; failing that, the file's own.
  -- An entry may be a list of names that count alike.
  root_markers = { { 'valohai.yaml', 'valohai.yml' }, '.git' },
  settings = {},
  init_options = vim.empty_dict and vim.empty_dict() or {},
  capabilities = nil,
  on_attach = nil,
  -- Extra fields passed on to vim.lsp.start / start_client.
  extra = {},
}

M.config = vim.deepcopy(defaults)

local uv = vim.loop

local function basename(path)
  return (path:gsub('[/\\]+$', ''):match('[^/\\]+$')) or path
end

local function dirname(path)
  local dir = path:gsub('[/\\]+$', ''):match('^(.*)[/\\][^/\\]*$')
  if dir == nil then return nil end
  if dir == '' then return '/' end
  return dir
end

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

--- True when `path` (absolute or a base name) is a valohai.yaml / valohai.yml file.
function M.is_valohai_file(path)
  if path == nil or path == '' then return false end
  return vim.tbl_contains(M.file_names, basename(path))
end

--- The directory the server should see as the workspace root for `fname`:
--- for each entry of `markers` in turn (a name, or a list of names that count
--- alike), the nearest ancestor (the file's own directory first) holding it;
--- else the file's directory.
function M.root_dir(fname, markers)
  markers = markers or M.config.root_markers
  local start = dirname(vim.fn.fnamemodify(fname, ':p'))
  if start == nil then return nil end
  for _, marker in ipairs(markers) do
    local names = type(marker) == 'table' and marker or { marker }
    local dir = start
    while dir do
      for _, name in ipairs(names) do
        if exists(dir .. '/' .. name) then return dir end
      end
      local parent = dirname(dir)
      if parent == nil or parent == dir then break end
      dir = parent
    end
  end
  return start
end

--- Whether the server should attach to buffer `bufnr`.
function M.wants_buffer(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) then return false end
  if vim.bo[bufnr].buftype ~= '' then return false end
  local name = vim.api.nvim_buf_get_name(bufnr)
  return vim.bo[bufnr].filetype == M.filetype or M.is_valohai_file(name)
end

--- languageId sent in didOpen: valohai-yaml for detected buffers.
function M.language_id_for(_, filetype)
  if filetype == M.filetype or filetype == 'yaml' then return M.language_id end
  return filetype
end

--- Filetype detection for valohai.yaml / valohai.yml. Uses an autocmd, which
--- works on every version (0.7's vim.filetype.add only takes effect with
--- g:do_filetype_lua), and also registers with vim.filetype.add when present.
function M.detect()
  if vim.filetype and vim.filetype.add then
    local filename = {}
    for _, n in ipairs(M.file_names) do filename[n] = M.filetype end
    pcall(vim.filetype.add, { filename = filename })
  end
  vim.cmd([[
    augroup valohai_ls_detect
      autocmd!
      autocmd BufRead,BufNewFile valohai.yaml,valohai.yml set filetype=yaml.valohai
    augroup END
  ]])
end

--- The client configuration for `bufnr` (a table for vim.lsp.start / start_client).
function M.client_config(bufnr)
  local cfg = M.config
  local fname = vim.api.nvim_buf_get_name(bufnr)
  local root = M.root_dir(fname, cfg.root_markers) or uv.cwd()
  local client_config = vim.tbl_extend('force', {
    name = M.name,
    cmd = cfg.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    settings = cfg.settings,
    init_options = cfg.init_options,
    capabilities = cfg.capabilities,
    on_attach = function(client, buf)
      -- Neovim 0.7 leaves 'omnifunc' empty: make <C-x><C-o> ask the server.
      if vim.bo[buf].omnifunc == '' then vim.bo[buf].omnifunc = 'v:lua.vim.lsp.omnifunc' end
      if cfg.on_attach then cfg.on_attach(client, buf) end
    end,
    get_language_id = M.language_id_for,
  }, cfg.extra or {})
  return client_config
end

-- Neovim 0.7 has no vim.lsp.start: keep one client per root directory.
local clients_by_root = {}

local function start_07(bufnr, config)
  local id = clients_by_root[config.root_dir]
  if id then
    local client = vim.lsp.get_client_by_id(id)
    if client == nil or client.is_stopped() then id = nil end
  end
  if not id then
    id = vim.lsp.start_client(config)
    if not id then return nil end
    clients_by_root[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Start (or reuse) the server for `bufnr` and attach the buffer. Returns the
--- client id, or nil when the buffer is not a Valohai file or the server could
--- not start.
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not M.wants_buffer(bufnr) then return nil end
  if vim.fn.executable(M.config.cmd[1]) ~= 1 then
    M.warn_missing()
    return nil
  end
  local config = M.client_config(bufnr)
  if vim.lsp.start then
    local id
    vim.api.nvim_buf_call(bufnr, function()
      id = vim.lsp.start(config, { bufnr = bufnr })
    end)
    return id
  end
  return start_07(bufnr, config)
end

local warned = false
function M.warn_missing()
  if warned then return end
  warned = true
  vim.notify(
    ('valohai-ls: %s was not found. Install it with\n'
      .. '  go install github.com/valohai-ls/valohai-ls/cmd/valohai-ls@latest\n'
      .. "and make sure it is on PATH, or pass cmd = { '/path/to/valohai-ls' } to require('valohai_ls').setup()")
      :format(M.config.cmd[1]),
    vim.log.levels.ERROR
  )
end

--- The command of the server's step code lenses: its arguments are the
--- document URI, the step name's position and the nodes' locations. Shown
--- in the quickfix list.
M.show_references_command = 'valohai-ls.showReferences'

function M.show_references(command, ctx)
  local locations = (command.arguments or {})[3] or {}
  local client = ctx and ctx.client_id and vim.lsp.get_client_by_id(ctx.client_id)
  local encoding = client and client.offset_encoding or 'utf-16'
  local items = vim.lsp.util.locations_to_items(locations, encoding)
  vim.fn.setqflist({}, ' ', { title = 'valohai-ls: pipeline nodes', items = items })
  if #items > 0 then vim.cmd('copen') end
end

--- Make the server's client-side commands known to Neovim's LSP client.
function M.register_commands()
  vim.lsp.commands[M.show_references_command] = M.show_references
end

--- Set up detection and start the server for matching buffers.
--- opts: cmd, filetypes, root_markers, settings, init_options, capabilities,
--- on_attach, extra (all optional).
function M.setup(opts)
  M.config = vim.tbl_extend('force', vim.deepcopy(defaults), opts or {})
  warned = false
  M.detect()
  M.register_commands()
  vim.cmd('augroup valohai_ls_start | autocmd! | augroup END')
  vim.cmd(('autocmd valohai_ls_start FileType %s lua require("valohai_ls")._on_filetype(tonumber(vim.fn.expand("<abuf>")))')
    :format(table.concat(M.config.filetypes, ',')))
  -- Buffers that were already open when setup() ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and M.wants_buffer(bufnr) then M.start(bufnr) end
  end
end

function M._on_filetype(bufnr)
  -- Defer so that a FileType event inside another plugin's setup cannot fail it.
  vim.schedule(function()
    if vim.api.nvim_buf_is_valid(bufnr) then M.start(bufnr) end
  end)
end

--- A configuration in nvim-lspconfig's format.
function M.lspconfig_config()
  return {
    default_config = {
      cmd = vim.deepcopy(defaults.cmd),
      filetypes = vim.deepcopy(defaults.filetypes),
      root_dir = function(fname, bufnr)
        -- With plain yaml among the filetypes, only attach to Valohai files.
        local ft = bufnr and vim.api.nvim_buf_is_valid(bufnr) and vim.bo[bufnr].filetype or nil
        if ft ~= M.filetype and not M.is_valohai_file(fname) then return nil end
        return M.root_dir(fname, defaults.root_markers)
      end,
      get_language_id = M.language_id_for,
      single_file_support = true,
      settings = {},
    },
    docs = {
      description = [[
https://github.com/valohai-ls/valohai-ls

Language server for Valohai's `valohai.yaml`: completion, hover and diagnostics.
Install the server with `go install github.com/valohai-ls/valohai-ls/cmd/valohai-ls@latest`.
Call `require('valohai_ls').detect()` (or set up the plugin) so that valohai.yaml
files get the `yaml.valohai` filetype.
]],
      default_config = { root_dir = [[nearest directory with valohai.yaml or valohai.yml, else .git]] },
    },
  }
end

--- Register `valohai_ls` with nvim-lspconfig (when it is installed and does
--- not know the server yet) and set up file detection. Returns true when
--- lspconfig is available.
function M.register_lspconfig()
  M.detect()
  M.register_commands()
  local ok, configs = pcall(require, 'lspconfig.configs')
  if not ok then return false end
  if not configs[M.name] then configs[M.name] = M.lspconfig_config() end
  return true
end

return M
