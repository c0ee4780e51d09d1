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
  -- Set 'omnifunc' to this plugin's completion (which inserts whole items on
  -- several lines and completes hyphenated keys) when it is empty or
  -- vim.lsp.omnifunc.
  omnifunc = true,
  -- Map K in normal mode to hover where Neovim does not (before 0.10) and K
  -- is not mapped already; false leaves K alone.
  hover_key = 'K',
  -- Show code lenses (the pipeline nodes that use each step), refreshed on
  -- attach, codelens_delay ms after the last edit, and on save; false
  -- leaves vim.lsp.codelens to you.
  codelens = true,
  codelens_delay = 300,
  -- The program :ValohaiGraph opens the picture with (its file is the last
  -- argument): nil picks xdg-open, open or start by system; false only
  -- writes the file and says where.
  graph_viewer = nil,
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
      M.attach_buffer(buf)
      if cfg.codelens then M.attach_codelens(client, buf) end
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

M.release_url = 'https://github.com/valohai-ls/valohai-ls/releases/latest'

--- How to install the server, for messages.
function M.install_help()
  return 'Download valohai-ls for your platform from ' .. M.release_url .. '\n'
    .. 'and put it on PATH, or build it from a clone of the repository with `make install`\n'
    .. "(Go 1.26). Or pass cmd = { '/path/to/valohai-ls' } to require('valohai_ls').setup()."
end

local warned = false
function M.warn_missing()
  if warned then return end
  warned = true
  vim.notify(('valohai-ls: %s was not found.\n'):format(M.config.cmd[1]) .. M.install_help(), vim.log.levels.ERROR)
end

-- Completion ------------------------------------------------------------------
--
-- Neovim's own 'omnifunc' before 0.11 inserts an item's text as one word:
-- the line breaks of a whole-item completion end up as NUL bytes, and the
-- word starts at the last keyword boundary, so "environment-variable-g"
-- completes from "g". This omnifunc starts where the server's edit starts,
-- offers the first line of each item in the menu, and, when a multi-line
-- item is accepted, puts in its whole text (snippet placeholders at their
-- defaults), each further line indented like the line it starts on.

M.omnifunc_name = "v:lua.require'valohai_ls'.omnifunc"

-- The last completion asked for, by buffer: row, start column and items.
local last = {}

local function client_of(bufnr)
  local list = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr, name = M.name })
    or vim.lsp.buf_get_clients(bufnr)
  for _, c in pairs(list) do
    if c.name == M.name then return c end
  end
  return nil
end

local has_011 = vim.fn.has('nvim-0.11') == 1

-- Byte index in `line` of LSP character `char`.
local function byte_of(line, char, encoding)
  if encoding == 'utf-8' then return math.min(char, #line) end
  local ok, b
  if has_011 then
    ok, b = pcall(vim.str_byteindex, line, encoding, char, false)
  else
    ok, b = pcall(vim.str_byteindex, line, char, encoding == 'utf-16')
  end
  if ok then return b end
  return #line
end

-- client.request as a function (0.7-0.10) or a method (0.11+).
local function request(client, method, params, handler, bufnr)
  if has_011 then return client:request(method, params, handler, bufnr) end
  return client.request(method, params, handler, bufnr)
end

--- The text an item inserts: plain text, or a snippet with every
--- placeholder at its default.
function M.item_text(item)
  local text = (item.textEdit and item.textEdit.newText) or item.insertText or item.label
  if item.insertTextFormat == 2 then text = M.snippet_text(text) end
  return text
end

--- A snippet's text with every placeholder at its default (the first
--- option of a choice) and no tab stops.
function M.snippet_text(s)
  local out, i, n = {}, 1, #s
  local function parse(nested)
    while i <= n do
      local c = s:sub(i, i)
      if c == '\\' and i < n and ('$}\\'):find(s:sub(i + 1, i + 1), 1, true) then
        table.insert(out, s:sub(i + 1, i + 1))
        i = i + 2
      elseif c == '}' and nested then
        return
      elseif c == '$' then
        local num = s:match('^%d+', i + 1)
        if num then
          i = i + 1 + #num
        elseif s:sub(i + 1, i + 1) == '{' and s:match('^%d+', i + 2) then
          local digits = s:match('^%d+', i + 2)
          local j = i + 2 + #digits
          local sep = s:sub(j, j)
          if sep == '}' then
            i = j + 1
          elseif sep == ':' then
            i = j + 1
            parse(true)
            i = i + 1 -- the closing brace
          elseif sep == '|' then
            local close = s:find('|}', j + 1, true)
            local options = s:sub(j + 1, (close or n + 1) - 1)
            table.insert(out, (options:match('^[^,]*'):gsub('\\(.)', '%1')))
            i = (close or n) + 2
          else
            table.insert(out, c)
            i = i + 1
          end
        else
          table.insert(out, c)
          i = i + 1
        end
      else
        table.insert(out, c)
        i = i + 1
      end
    end
  end
  parse(false)
  return table.concat(out)
end

local function split_lines(s)
  local lines = {}
  for l in (s .. '\n'):gmatch('(.-)\r?\n') do table.insert(lines, l) end
  return lines
end

-- The menu entries for the items of a completion answer, from byte column
-- start of the line; base is the text typed from there.
local function menu_entries(st, base)
  local matches = {}
  for i, item in ipairs(st.items) do
    local text = M.item_text(item)
    local r = item.textEdit and (item.textEdit.range or item.textEdit.replace)
    if r and r.start.line == st.row - 1 then
      -- Text between the menu's start and this item's own start stays.
      text = st.line:sub(st.start + 1, byte_of(st.line, r.start.character, st.encoding)) .. text
    end
    local first = split_lines(text)[1]
    local filter = item.filterText or item.label
    if base == '' or vim.startswith(first:lower(), base:lower()) or vim.startswith(filter:lower(), base:lower()) then
      local doc = item.documentation
      if type(doc) == 'table' then doc = doc.value end
      table.insert(matches, {
        word = first,
        abbr = item.label,
        kind = vim.lsp.protocol.CompletionItemKind[item.kind] or '',
        menu = item.detail or '',
        info = doc or '',
        icase = 1,
        dup = 1,
        empty = 1,
        user_data = { valohai_ls = { index = i, text = text }, nvim = { lsp = { completion_item = item } } },
        sort = item.sortText or item.label,
      })
    end
  end
  table.sort(matches, function(a, b) return a.sort < b.sort end)
  for _, m in ipairs(matches) do m.sort = nil end
  return matches
end

--- 'omnifunc' for Valohai buffers (see above). It asks the server and
--- shows the menu when the answer comes, as vim.lsp.omnifunc does.
function M.omnifunc(findstart, _)
  local bufnr = vim.api.nvim_get_current_buf()
  if findstart ~= 1 then return {} end
  last[bufnr] = nil
  local client = client_of(bufnr)
  if not client then return -3 end
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_get_current_line()
  local encoding = client.offset_encoding or 'utf-16'
  local params = vim.lsp.util.make_position_params(0, encoding)
  request(client, 'textDocument/completion', params, function(err, result)
    if err or not result or vim.fn.mode() ~= 'i' then return end
    local now_row, now_col = unpack(vim.api.nvim_win_get_cursor(0))
    if vim.api.nvim_get_current_buf() ~= bufnr or now_row ~= row or now_col < col then return end
    local items = result.items or result
    -- Start at the earliest start of the items' edits on this line, else at
    -- the word (letters, digits, "_" and "-") before the cursor.
    local start = (line:sub(1, col):find('[%w_%-]*$') or col + 1) - 1
    local edits = false
    for _, item in ipairs(items) do
      local r = item.textEdit and (item.textEdit.range or item.textEdit.replace)
      if r and r.start.line == row - 1 then
        local b = byte_of(line, r.start.character, encoding)
        if not edits or b < start then start = b end
        edits = true
      end
    end
    local st = { row = row, start = start, line = line, items = items, encoding = encoding }
    last[bufnr] = st
    local current = vim.api.nvim_get_current_line()
    vim.fn.complete(start + 1, menu_entries(st, current:sub(start + 1, now_col)))
  end, bufnr)
  -- Stay in completion mode until the answer shows the menu.
  return -2
end

--- On CompleteDone: replace the first line that the menu put in with the
--- accepted item's whole text.
function M._complete_done()
  local bufnr = vim.api.nvim_get_current_buf()
  local st = last[bufnr]
  local item = vim.v.completed_item
  if not st or type(item) ~= 'table' or type(item.user_data) ~= 'table' or not item.user_data.valohai_ls then return end
  local reason = vim.v.event and vim.v.event.reason
  if reason ~= nil and reason ~= 'accept' then return end
  local text = item.user_data.valohai_ls.text
  if text == item.word then return end
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_get_current_line()
  if row ~= st.row or line:sub(st.start + 1, col) ~= item.word then return end
  local lines = split_lines(text)
  local indent = line:match('^%s*')
  for k = 2, #lines do
    if lines[k] ~= '' then lines[k] = indent .. lines[k] end
  end
  vim.api.nvim_buf_set_text(bufnr, row - 1, st.start, row - 1, col, lines)
  local last_line = lines[#lines]
  local end_col = (#lines == 1 and st.start or 0) + #last_line
  vim.api.nvim_win_set_cursor(0, { row + #lines - 1, end_col })
end

--- Buffer set-up when the server attaches: completion and the hover key.
function M.attach_buffer(buf)
  local cfg = M.config
  local omni = vim.bo[buf].omnifunc
  if cfg.omnifunc and (omni == '' or omni == 'v:lua.vim.lsp.omnifunc') then
    vim.bo[buf].omnifunc = M.omnifunc_name
    local group = vim.api.nvim_create_augroup('valohai_ls_complete_' .. buf, { clear = true })
    vim.api.nvim_create_autocmd('CompleteDone', { group = group, buffer = buf, callback = function() M._complete_done() end })
  end
  if cfg.hover_key and vim.fn.has('nvim-0.10') == 0 then
    local mapped = vim.fn.maparg(cfg.hover_key, 'n') ~= ''
    if not mapped then
      vim.api.nvim_buf_set_keymap(buf, 'n', cfg.hover_key, '<Cmd>lua vim.lsp.buf.hover()<CR>',
        { noremap = true, silent = true })
    end
  end
end

-- Code lens -------------------------------------------------------------------
--
-- Neovim shows code lenses only when vim.lsp.codelens.refresh() runs. The
-- plugin runs it when the server attaches, after edits (once they pause for
-- codelens_delay ms) and on save.

local lens_timers = {}

local function has_lens(client)
  local caps = client and client.server_capabilities
  return caps ~= nil and caps.codeLensProvider ~= nil
end

--- Ask the server for the code lenses of `buf` and show them. (Not
--- vim.lsp.codelens.refresh: its handler fails on a buffer wiped before the
--- answer comes.)
function M.refresh_codelens(buf)
  if not vim.api.nvim_buf_is_valid(buf) then return end
  local client = client_of(buf)
  if not has_lens(client) then return end
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) } }
  request(client, 'textDocument/codeLens', params, function(err, result, ctx, config)
    if err or not vim.api.nvim_buf_is_valid(buf) then return end
    ctx = ctx or {}
    ctx.bufnr, ctx.client_id = buf, ctx.client_id or client.id
    vim.lsp.codelens.on_codelens(err, result, ctx, config)
  end, buf)
end

local function stop_lens_timer(buf)
  local t = lens_timers[buf]
  lens_timers[buf] = nil
  if t then
    t:stop()
    t:close()
  end
end

--- Refresh the code lenses of `buf` now and whenever it changes or is saved.
function M.attach_codelens(client, buf)
  if not has_lens(client) then return end
  M.refresh_codelens(buf)
  if lens_timers[buf] then return end -- already watching this buffer
  lens_timers[buf] = uv.new_timer()
  local group = vim.api.nvim_create_augroup('valohai_ls_codelens_' .. buf, { clear = true })
  vim.api.nvim_create_autocmd({ 'BufWritePost', 'BufEnter' }, {
    group = group, buffer = buf, callback = function() M.refresh_codelens(buf) end,
  })
  vim.api.nvim_create_autocmd('BufWipeout', {
    group = group, buffer = buf, callback = function() stop_lens_timer(buf) end,
  })
  vim.api.nvim_buf_attach(buf, false, {
    on_lines = function()
      local t = lens_timers[buf]
      if not t then return true end -- wiped: stop listening
      t:stop()
      t:start(M.config.codelens_delay or 300, 0, vim.schedule_wrap(function() M.refresh_codelens(buf) end))
    end,
    on_detach = function() vim.schedule(function() stop_lens_timer(buf) end) end,
  })
end

-- Scripts ---------------------------------------------------------------------
--
-- The server compares steps with the Python scripts they run. Neovim before
-- 0.9 watches no files for it, so the plugin says when a script is saved.

local function notify(client, method, params)
  if has_011 then return client:notify(method, params) end
  return client.notify(method, params)
end

local function active_clients()
  if vim.lsp.get_clients then return vim.lsp.get_clients({ name = M.name }) end
  local list = {}
  for _, c in pairs(vim.lsp.get_active_clients()) do
    if c.name == M.name then table.insert(list, c) end
  end
  return list
end

--- Tell every valohai-ls client whose root holds `file` that it changed
--- (workspace/didChangeWatchedFiles), so that the findings about it are
--- checked again.
function M.script_saved(file)
  local path = vim.fn.fnamemodify(file, ':p')
  local uri = vim.uri_from_fname(path)
  for _, c in ipairs(active_clients()) do
    local root = c.config and c.config.root_dir
    if root == nil or vim.startswith(path, (root:gsub('/$', '')) .. '/') then
      notify(c, 'workspace/didChangeWatchedFiles', { changes = { { uri = uri, type = 2 } } })
    end
  end
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

--- The server command that draws a document's pipelines, and the command
--- of its pipeline code lenses (arguments: the document URI and the
--- pipeline's name).
M.graph_command = 'valohai-ls.graph'
M.show_graph_command = 'valohai-ls.showGraph'

local graph_suffix = { svg = '.svg', mermaid = '.mmd', dot = '.dot', json = '.json' }

local function viewer()
  local v = M.config.graph_viewer
  if v ~= nil then return v end
  if vim.fn.has('mac') == 1 then return { 'open' } end
  if vim.fn.has('win32') == 1 then return { 'cmd.exe', '/c', 'start', '' } end
  return { 'xdg-open' }
end

--- Draw the pipelines of buffer `opts.bufnr` (default: the current one),
--- or only `opts.pipeline`, in `opts.format` (svg, mermaid, dot or json;
--- default svg), write the drawing to a temporary file and open it with
--- the graph viewer. `opts.done(path, err)` is called when it is written.
function M.graph(opts)
  opts = opts or {}
  local buf = opts.bufnr or vim.api.nvim_get_current_buf()
  local format = opts.format or 'svg'
  local done = opts.done or function(path, err)
    if err then vim.notify('valohai-ls: ' .. err, vim.log.levels.ERROR) else vim.notify('valohai-ls: graph written to ' .. path) end
  end
  if not graph_suffix[format] then return done(nil, 'unknown format ' .. format .. ' (svg, mermaid, dot or json)') end
  local client = client_of(buf)
  if not client then return done(nil, 'no valohai-ls client on this buffer') end
  local args = { vim.uri_from_bufnr(buf), format }
  if opts.pipeline and opts.pipeline ~= '' then table.insert(args, opts.pipeline) end
  request(client, 'workspace/executeCommand', { command = M.graph_command, arguments = args }, function(err, result)
    if err or not result then return done(nil, (err and err.message) or 'no answer') end
    local content = result.content
    if format == 'json' then content = vim.fn.json_encode(result.graphs or {}) end
    local path = vim.fn.tempname() .. graph_suffix[format]
    local f = io.open(path, 'w')
    if not f then return done(nil, 'cannot write ' .. path) end
    f:write(content or '')
    f:close()
    local v = viewer()
    if v then
      local cmd = vim.deepcopy(type(v) == 'table' and v or { v })
      table.insert(cmd, path)
      if vim.fn.executable(cmd[1]) == 1 then vim.fn.jobstart(cmd, { detach = true }) end
    end
    done(path, nil)
  end, buf)
end

function M.show_graph(command, _)
  local args = command.arguments or {}
  local buf = args[1] and vim.uri_to_bufnr(args[1]) or nil
  M.graph({ bufnr = buf, pipeline = args[2] })
end

--- Make the server's client-side commands known to Neovim's LSP client,
--- and :ValohaiGraph [FORMAT] [PIPELINE].
function M.register_commands()
  vim.lsp.commands[M.show_references_command] = M.show_references
  vim.lsp.commands[M.show_graph_command] = M.show_graph
  vim.api.nvim_create_user_command('ValohaiGraph', function(c)
    M.graph({ format = c.fargs[1], pipeline = c.fargs[2] })
  end, { nargs = '*', desc = 'valohai-ls: draw the pipelines of this file ([svg|mermaid|dot|json] [PIPELINE])' })
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
  vim.cmd('autocmd valohai_ls_start BufWritePost *.py lua require("valohai_ls").script_saved(vim.fn.expand("<afile>"))')
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
Install the server: download it from https://github.com/valohai-ls/valohai-ls/releases/latest
and put it on PATH, or run `make install` in a clone of the repository.
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
