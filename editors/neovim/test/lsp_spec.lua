-- Headless checks of editors/neovim through Neovim's own LSP client.
-- Run by run.sh, which sets VALOHAI_TEST_DIR (a copy of editors/testdata) and
-- loads init.lua (plugin on 'runtimepath', setup() with the binary under test).
local dir = vim.env.VALOHAI_TEST_DIR
local WAIT = 10000
local passed, failed = 0, 0

local function out(line)
  io.stdout:write(line, '\n')
  io.stdout:flush()
end

local function test(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('not ok - ' .. name)
    for l in tostring(err):gmatch('[^\n]+') do out('#   ' .. l) end
  end
end

local function wait_for(what, cond)
  if not vim.wait(WAIT, cond, 20) then error('timed out after ' .. WAIT .. ' ms waiting for ' .. what, 2) end
end

local function eq(want, got, what)
  if not vim.deep_equal(want, got) then
    error(('%s: expected %s, got %s'):format(what or 'value', vim.inspect(want), vim.inspect(got)), 2)
  end
end

-- Clients attached to a buffer, on every Neovim from 0.7 on.
local function clients_of(bufnr)
  if vim.lsp.get_clients then return vim.lsp.get_clients({ bufnr = bufnr }) end
  local list = {}
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do table.insert(list, c) end
  return list
end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end

-- 0-based number of the first line of `bufnr` containing `text` (plain match).
local function line_of(bufnr, text)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if l:find(text, 1, true) then return i - 1 end
  end
  error('no line contains ' .. text, 2)
end

local function diagnostics_matching(bufnr, code, message)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local c = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if c == code and d.message:find(message, 1, true) then table.insert(found, d) end
  end
  return found
end

local ls = require('valohai_ls')
local main_file = dir .. '/valohai.yaml'
local bufnr, client

test('plugin/valohai_ls.lua is loaded from the runtime path', function()
  assert(vim.g.loaded_valohai_ls, 'plugin file not sourced')
end)

test('valohai.yaml gets the yaml.valohai filetype', function()
  bufnr = open(main_file)
  eq('yaml.valohai', vim.bo[bufnr].filetype, 'filetype')
end)

test('the YAML syntax applies to yaml.valohai buffers', function()
  eq('yaml', vim.b.current_syntax, 'b:current_syntax')
end)

test('the server starts and attaches to valohai.yaml', function()
  wait_for('a client on valohai.yaml', function() return #clients_of(bufnr) > 0 end)
  client = clients_of(bufnr)[1]
  eq('valohai_ls', client.name, 'client name')
  eq(dir, client.config.root_dir, 'root_dir')
  wait_for('initialize', function() return client.initialized ~= false and client.server_capabilities ~= nil end)
end)

if client == nil then
  -- Nothing below can pass without a server; fail now rather than time out.
  out('Bail out! the server did not start; see the server log')
  out(('# %d passed, %d failed'):format(passed, failed))
  vim.cmd('cquit 1')
end

test('the server advertises completion and hover', function()
  local caps = client.server_capabilities or client.resolved_capabilities
  assert(caps.completionProvider or caps.completion, 'no completion capability: ' .. vim.inspect(caps))
  assert(caps.hoverProvider or caps.hover, 'no hover capability')
end)

test('a missing-image diagnostic arrives for the endpoint', function()
  wait_for('missing-key diagnostic', function()
    return #diagnostics_matching(bufnr, 'missing-key', 'endpoint "predict" needs an image') > 0
  end)
  local d = diagnostics_matching(bufnr, 'missing-key', 'endpoint "predict" needs an image')[1]
  eq(vim.diagnostic.severity.ERROR, d.severity, 'severity')
  -- It points into the predict endpoint, from its `- endpoint:` line to its last key.
  local first, last = line_of(bufnr, 'name: predict') - 1, line_of(bufnr, 'port: 8000')
  assert(d.lnum >= first and d.lnum <= last, ('diagnostic on line %d, outside %d-%d'):format(d.lnum, first, last))
end)

test('completion in an endpoint with only a name offers its keys', function()
  -- Type a new, indented line under `name: serve`, as a user would.
  local row = line_of(bufnr, 'name: serve')
  vim.api.nvim_buf_set_lines(bufnr, row + 1, row + 1, false, { '    ' })
  -- The cursor sits after the indentation, as in insert mode.
  vim.wo.virtualedit = 'onemore'
  vim.api.nvim_win_set_cursor(0, { row + 2, 4 })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  eq({ line = row + 1, character = 4 }, params.position, 'position')
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, WAIT)
  assert(responses, 'completion request timed out')
  local resp = responses[client.id]
  assert(resp and not resp.err, 'completion error: ' .. vim.inspect(resp and resp.err))
  -- What Neovim's completion menu would list.
  local items = vim.lsp.util.text_document_completion_list_to_complete_items(resp.result or {}, '')
  local words = {}
  for _, item in ipairs(items) do words[item.abbr or item.word] = true end
  for _, want in ipairs({ 'image', 'port', 'wsgi', 'server-command', 'description', 'files' }) do
    assert(words[want], 'completion lacks ' .. want .. '; got ' .. vim.inspect(vim.tbl_keys(words)))
  end
  assert(not words['name'], 'completion offers name, which the endpoint already has')
end)

test('<C-x><C-o> in insert mode pops up the endpoint keys', function()
  eq("v:lua.require'valohai_ls'.omnifunc", vim.bo[bufnr].omnifunc, "'omnifunc'")
  -- The indented blank line typed under `name: serve` by the previous test.
  local row = line_of(bufnr, 'name: serve') + 1
  eq('    ', vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1], 'blank line')
  vim.api.nvim_win_set_cursor(0, { row + 1, 0 })
  local seen
  local deadline = vim.loop.now() + WAIT
  local timer = vim.loop.new_timer()
  -- Keys are typed below; this timer watches the menu and leaves insert mode.
  timer:start(50, 50, vim.schedule_wrap(function()
    if seen then return end
    local info = vim.fn.complete_info({ 'items', 'mode' })
    if #info.items > 0 or vim.loop.now() > deadline then
      seen = info
      timer:stop()
      timer:close()
      vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<C-e><Esc>', true, false, true), 'n', false)
    end
  end))
  vim.fn.feedkeys(vim.api.nvim_replace_termcodes('A<C-x><C-o>', true, false, true), 'x!')
  wait_for('the completion menu', function() return seen ~= nil end)
  local words = {}
  for _, item in ipairs(seen.items) do words[item.abbr ~= '' and item.abbr or item.word] = true end
  assert(words.image and words.port and words.wsgi, 'menu: ' .. vim.inspect(seen))
  eq('    ', vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1], 'line after <C-e>')
end)

-- Types `text` on a new last line of a scratch valohai.yaml (after
-- `before`), opens the omni menu with <C-x><C-o>, accepts the item labelled
-- `label` and leaves insert mode. Returns the buffer's lines and the menu.
local omni_files = 0
local function accept_from_omni_menu(before, text, label)
  omni_files = omni_files + 1
  local path = ('%s/omni%d/valohai.yaml'):format(dir, omni_files)
  vim.fn.mkdir(vim.fn.fnamemodify(path, ':h'), 'p')
  vim.o.hidden = true
  local f = assert(io.open(path, 'w'))
  f:write(before)
  f:close()
  local buf = open(path)
  wait_for('a client on the scratch file', function() return #clients_of(buf) > 0 end)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  if lines[#lines] == '' then table.remove(lines) end
  table.insert(lines, text)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.api.nvim_win_set_cursor(0, { #lines, 0 })
  local seen, chosen
  local deadline = vim.loop.now() + WAIT
  local timer = vim.loop.new_timer()
  timer:start(50, 50, vim.schedule_wrap(function()
    if seen then return end
    local info = vim.fn.complete_info({ 'items', 'mode', 'selected' })
    if #info.items > 0 or vim.loop.now() > deadline then
      seen = info
      timer:stop()
      timer:close()
      for i, item in ipairs(info.items) do
        if item.abbr == label then chosen = i - 1 end
      end
      if chosen then
        -- Select the item, which puts it in, and end completion with it
        -- (CompleteDone), as <C-n>… <C-y> do.
        vim.api.nvim_select_popupmenu_item(chosen, true, true, {})
        vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<Esc>', true, false, true), 'n', false)
      else
        vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<C-e><Esc>', true, false, true), 'n', false)
      end
    end
  end))
  vim.fn.feedkeys(vim.api.nvim_replace_termcodes('A<C-x><C-o>', true, false, true), 'x!')
  wait_for('the completion menu', function() return seen ~= nil end)
  -- Run the keys the timer typed.
  vim.fn.feedkeys('', 'x')
  wait_for('normal mode', function() return vim.fn.mode() == 'n' end)
  local labels = {}
  for _, item in ipairs(seen.items) do table.insert(labels, item.abbr) end
  assert(chosen, ('the menu for %q lacks %s: %s'):format(text, label, table.concat(labels, ', ')))
  return buf, vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

-- Checks that the accepted text is clean YAML: no NUL (a line break that
-- went in as part of one line), no snippet syntax, and that the server finds
-- no syntax error once the buffer is saved and checked with the CLI.
local function assert_clean_yaml(buf, lines)
  for i, l in ipairs(lines) do
    assert(not l:find('\n', 1, true), ('line %d holds a NUL: %q'):format(i, l))
    assert(not l:find('%$%d') and not l:find('${', 1, true), ('line %d holds snippet syntax: %q'):format(i, l))
  end
  vim.api.nvim_buf_call(buf, function() vim.cmd('silent write') end)
  local out = vim.fn.system({ vim.env.VALOHAI_LS_BIN, 'check', '--format', 'json', vim.api.nvim_buf_get_name(buf) })
  local report = vim.fn.json_decode(out)
  for _, d in ipairs(report[1].diagnostics) do
    assert(d.code ~= 'yaml-syntax', 'syntax error after accepting: ' .. d.message .. '\n' .. table.concat(lines, '\n'))
  end
end

local function has_line(lines, want)
  for _, l in ipairs(lines) do
    if l == want then return true end
  end
  error(('no line %q in:\n%s'):format(want, table.concat(lines, '\n')), 2)
end

local step_head = '- step:\n    name: prep\n    image: python:3.12\n    command: python prep.py\n'

test('omni menu: accepting step after "- " puts in the whole item, clean', function()
  local buf, lines = accept_from_omni_menu('', '- st', 'step')
  has_line(lines, '- step:')
  has_line(lines, '    name: train')
  has_line(lines, '    image: python:3.12')
  has_line(lines, '    command: python train.py {parameters}')
  assert_clean_yaml(buf, lines)
end)

test('omni menu: accepting inputs in a step puts in its list item, clean', function()
  local buf, lines = accept_from_omni_menu(step_head, '    inp', 'inputs')
  has_line(lines, '    inputs:')
  local i = vim.fn.index(lines, '    inputs:') + 1
  assert(lines[i + 1] and lines[i + 1]:find('^      %- name: '), 'no input item under inputs:\n' .. table.concat(lines, '\n'))
  assert_clean_yaml(buf, lines)
end)

test('omni menu: a hyphenated key completes after its hyphen (environment-variable-g)', function()
  local buf, lines = accept_from_omni_menu(step_head, '    environment-variable-g', 'environment-variable-groups')
  local i = vim.fn.index(lines, '    environment-variable-groups:') + 1
  assert(i > 0, 'no environment-variable-groups line:\n' .. table.concat(lines, '\n'))
  assert(lines[i + 1] and lines[i + 1]:find('^      %- '), 'no list item under environment-variable-groups:\n' .. table.concat(lines, '\n'))
  assert_clean_yaml(buf, lines)
end)

test('snippet items (for clients that take them) go in with their defaults', function()
  local cases = {
    { 'command: ${3:python train.py {parameters\\}}', 'command: python train.py {parameters}' },
    { 'name: ${1:train}\nimage: ${2:python:3.12}', 'name: train\nimage: python:3.12' },
    { 'type: ${1|integer,float|}', 'type: integer' },
    { 'a: ${1:x ${2:y}} $0', 'a: x y ' },
    { 'cost: \\$5', 'cost: $5' },
  }
  for _, c in ipairs(cases) do eq(c[2], ls.snippet_text(c[1]), c[1]) end
  eq('step:\n  name: x', ls.item_text({ label = 'step', insertTextFormat = 2,
    textEdit = { newText = 'step:\n  name: ${1:x}' } }), 'item_text')
end)

-- Runs open (K by default) and returns the hover float that opens and its text.
local function press_k(open)
  local before = {}
  for _, w in ipairs(vim.api.nvim_list_wins()) do before[w] = true end
  if open then open() else vim.api.nvim_feedkeys('K', 'x', false) end
  local float
  wait_for('the hover window', function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if not before[w] and vim.api.nvim_win_get_config(w).relative ~= '' then float = w return true end
    end
    return false
  end)
  return float, table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), '\n')
end

test('K shows hover where Neovim does not map it', function()
  vim.cmd('buffer ' .. bufnr)
  if vim.fn.has('nvim-0.10') == 1 then
    -- Neovim maps K to hover itself from 0.10 on.
    eq('', vim.fn.maparg('K', 'n'), 'the plugin leaves K to Neovim')
    return
  end
  local map = vim.fn.maparg('K', 'n', false, true)
  eq(1, map.buffer, 'K is mapped in the buffer')
  assert(map.rhs:find('vim.lsp.buf.hover', 1, true), 'K runs hover: ' .. vim.inspect(map))
  local row = line_of(bufnr, 'wsgi: predict:app')
  vim.api.nvim_win_set_cursor(0, { row + 1, 5 })
  local float, text = press_k()
  assert(text:find('wsgi', 1, true), 'float text: ' .. text)
  vim.api.nvim_win_close(float, true)
end)

test('K on {parameters} shows the command that will run', function()
  vim.cmd('buffer ' .. bufnr)
  local row = line_of(bufnr, 'command: python train.py {parameters}')
  local col = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1]:find('{parameters}', 1, true)
  vim.api.nvim_win_set_cursor(0, { row + 1, col + 2 })
  local float, text = press_k()
  -- The default of epochs, through the default pass-as template.
  assert(text:find('python train.py --epochs=10', 1, true), 'float text: ' .. text)
  vim.api.nvim_win_close(float, true)
end)

local function scratch_project(lines)
  local proj = vim.fn.tempname() .. '-fmt'
  vim.fn.mkdir(proj, 'p')
  vim.fn.writefile(lines, proj .. '/valohai.yaml')
  local buf = open(proj .. '/valohai.yaml')
  wait_for('a client on the scratch valohai.yaml', function() return #clients_of(buf) > 0 end)
  return buf
end

local messy = {
  '- step:', '    name: train   ', '    image: python:3.12', '    # what runs', '    command: python train.py',
  '    parameters:', '    - name: epochs', '      type: integer', '', '', '', '- endpoint:', '      name: predict',
  '      image: python:3.12', '      wsgi: predict:app', '      prot: 8000',
}

test('formatting the buffer lays it out and keeps its comment', function()
  local buf = scratch_project(messy)
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ bufnr = buf, async = false, timeout_ms = WAIT })
  else
    vim.lsp.buf.formatting_sync(nil, WAIT)
  end
  eq(table.concat({
    '- step:', '    name: train', '    image: python:3.12', '    # what runs', '    command: python train.py',
    '    parameters:', '    - name: epochs', '      type: integer', '', '- endpoint:', '    name: predict',
    '    image: python:3.12', '    wsgi: predict:app', '    prot: 8000',
  }, '\n'), table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n'), 'formatted buffer')
  vim.cmd('bwipeout! ' .. buf)
end)

test('the source.fixAll action fixes what needs no choice in one edit', function()
  local buf = scratch_project(messy)
  local c = clients_of(buf)[1]
  wait_for('the misspelt key finding', function() return #diagnostics_matching(buf, 'unknown-key', 'prot') > 0 end)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = #messy, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll' } },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, WAIT)
  local actions = (responses and responses[c.id] and responses[c.id].result) or {}
  eq(1, #actions, 'fix-all actions: ' .. vim.inspect(actions))
  eq('source.fixAll', actions[1].kind, 'action kind')
  vim.lsp.util.apply_workspace_edit(actions[1].edit, c.offset_encoding)
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  assert(text:find('      port: 8000', 1, true), 'after fix-all: ' .. text)
  assert(not text:find('prot', 1, true), 'prot left: ' .. text)
  vim.cmd('bwipeout! ' .. buf)
end)

test('the server-not-found message gives the release download and make install', function()
  local messages = {}
  local notify = vim.notify
  vim.notify = function(msg) table.insert(messages, msg) end
  local saved = ls.config
  ls.config = vim.tbl_extend('force', saved, { cmd = { 'valohai-ls-not-installed' } })
  ls.warn_missing()
  vim.notify = notify
  ls.config = saved
  local text = table.concat(messages, '\n')
  assert(text:find('releases/latest', 1, true), 'no release download: ' .. text)
  assert(text:find('make install', 1, true), 'no make install: ' .. text)
end)

test('hover on wsgi shows markdown documentation', function()
  local row = line_of(bufnr, 'wsgi: predict:app')
  vim.api.nvim_win_set_cursor(0, { row + 1, 5 })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, WAIT)
  local resp = responses and responses[client.id]
  assert(resp and resp.result, 'no hover result: ' .. vim.inspect(resp))
  eq('markdown', resp.result.contents.kind, 'hover contents kind')
  assert(resp.result.contents.value:find('wsgi', 1, true), 'hover text does not mention wsgi')
end)

test('vim.lsp.buf.hover() opens a markdown float', function()
  local float = press_k(vim.lsp.buf.hover)
  local fbuf = vim.api.nvim_win_get_buf(float)
  -- 0.7 styles the float with markdown syntax regions; later versions set the filetype.
  local groups = vim.api.nvim_win_call(float, function()
    local names = {}
    for c = 1, 12 do names[vim.fn.synIDattr(vim.fn.synID(1, c, 1), 'name')] = true end
    return names
  end)
  local styled = vim.bo[fbuf].filetype == 'markdown'
  for name in pairs(groups) do styled = styled or name:find('^markdown') ~= nil end
  assert(styled, 'the float is not styled as markdown: ' .. vim.inspect(groups))
  local text = table.concat(vim.api.nvim_buf_get_lines(fbuf, 0, -1, false), '\n')
  assert(text:find('wsgi', 1, true), 'float text: ' .. text)
  vim.api.nvim_win_close(float, true)
end)

test('the code lens command lists the locations in the quickfix list', function()
  local handler = vim.lsp.commands['valohai-ls.showReferences']
  assert(handler, 'valohai-ls.showReferences is not registered')
  local uri = vim.uri_from_bufnr(bufnr)
  local loc = { uri = uri, range = { start = { line = 1, character = 4 }, ['end'] = { line = 1, character = 8 } } }
  handler({ command = 'valohai-ls.showReferences', arguments = { uri, loc.range.start, { loc, loc } } }, { client_id = client.id })
  local qf = vim.fn.getqflist()
  eq(2, #qf, 'quickfix entries')
  eq(2, qf[1].lnum, 'line')
  vim.cmd('cclose')
end)

test(':ValohaiGraph and the pipeline code lens write the graph', function()
  local pdir = dir .. '/graphs'
  vim.fn.mkdir(pdir, 'p')
  local f = io.open(pdir .. '/valohai.yaml', 'w')
  f:write('- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n' ..
    '- pipeline:\n    name: flow\n    nodes:\n      - name: a\n        type: execution\n        step: train\n' ..
    '      - name: b\n        type: execution\n        step: train\n    edges:\n      - [a.output.model, b.input.model]\n')
  f:close()
  local gbuf = open(pdir .. '/valohai.yaml')
  wait_for('a client on the pipeline file', function() return #clients_of(gbuf) > 0 end)
  ls.config.graph_viewer = false
  local written, failure
  ls.graph({ format = 'mermaid', done = function(p, err) written, failure = p, err end })
  wait_for('the graph', function() return written ~= nil or failure ~= nil end)
  assert(not failure, failure)
  local text = table.concat(vim.fn.readfile(written), '\n')
  assert(text:find('flowchart LR', 1, true) and text:find('a<br/>', 1, true), 'mermaid: ' .. text)
  -- The lens's command, with a viewer that records the file it is given.
  local record = dir .. '/viewed.txt'
  ls.config.graph_viewer = { 'sh', '-c', 'echo "$1" > ' .. record, 'sh' }
  local lens = vim.lsp.commands['valohai-ls.showGraph']
  assert(lens, 'valohai-ls.showGraph is not registered')
  lens({ command = 'valohai-ls.showGraph', arguments = { vim.uri_from_bufnr(gbuf), 'flow' } }, {})
  wait_for('the viewer to be started', function() return vim.fn.filereadable(record) == 1 and #vim.fn.readfile(record) > 0 end)
  local svg = table.concat(vim.fn.readfile(vim.fn.readfile(record)[1]), '\n')
  assert(svg:find('<svg', 1, true) and svg:find('data-node="b"', 1, true), 'svg: ' .. svg:sub(1, 200))
  eq(2, vim.fn.exists(':ValohaiGraph'), ':ValohaiGraph defined')
  ls.config.graph_viewer = nil
  vim.cmd('bwipeout! ' .. gbuf)
  vim.cmd('buffer ' .. bufnr)
end)

test('fixing the file clears its diagnostic', function()
  local row = line_of(bufnr, 'name: predict')
  vim.api.nvim_buf_set_lines(bufnr, row + 1, row + 1, false, { '    image: python:3.12' })
  wait_for('the predict diagnostic to go', function()
    return #diagnostics_matching(bufnr, 'missing-key', 'endpoint "predict" needs an image') == 0
  end)
  assert(#diagnostics_matching(bufnr, 'missing-key', 'endpoint "serve" needs an image') == 1,
    'the other endpoint should still be reported: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
end)

test('valohai.yml in another directory gets its own root', function()
  local other = open(dir .. '/sub/valohai.yml')
  eq('yaml.valohai', vim.bo[other].filetype, 'filetype')
  wait_for('a client on valohai.yml', function() return #clients_of(other) > 0 end)
  eq(dir .. '/sub', clients_of(other)[1].config.root_dir, 'root_dir')
  assert(clients_of(other)[1].id ~= client.id, 'expected a second client for a second root')
end)

test('a second buffer under the same root reuses the client', function()
  local again = open(dir .. '/valohai.yml')
  eq('yaml.valohai', vim.bo[again].filetype, 'filetype')
  wait_for('the client on valohai.yml', function() return #clients_of(again) > 0 end)
  eq(client.id, clients_of(again)[1].id, 'client id')
end)

test('other YAML files stay plain yaml without the server', function()
  local plain = open(dir .. '/other.yaml')
  eq('yaml', vim.bo[plain].filetype, 'filetype')
  vim.wait(300)
  eq(0, #clients_of(plain), 'clients on other.yaml')
end)

test('root_dir finds the directory that holds valohai.yaml', function()
  eq(dir, ls.root_dir(dir .. '/valohai.yaml'), 'own directory')
  eq(dir, ls.root_dir(dir .. '/deep/er/valohai.yaml'), 'from below')
  eq(dir .. '/sub', ls.root_dir(dir .. '/sub/valohai.yml'), 'valohai.yml')
end)

test('the nvim-lspconfig configuration', function()
  local fake = {}
  package.loaded['lspconfig.configs'] = fake
  assert(ls.register_lspconfig(), 'register_lspconfig found no lspconfig')
  local cfg = fake.valohai_ls and fake.valohai_ls.default_config
  assert(cfg, 'valohai_ls not registered')
  eq({ 'valohai-ls' }, cfg.cmd, 'cmd')
  assert(vim.tbl_contains(cfg.filetypes, 'yaml.valohai') and vim.tbl_contains(cfg.filetypes, 'yaml'), 'filetypes')
  eq(dir, cfg.root_dir(dir .. '/valohai.yaml', bufnr), 'root_dir of valohai.yaml')
  local plain = vim.fn.bufnr(dir .. '/other.yaml')
  eq(nil, cfg.root_dir(dir .. '/other.yaml', plain), 'root_dir of other.yaml')
  eq('valohai-yaml', cfg.get_language_id(bufnr, 'yaml.valohai'), 'languageId')
  package.loaded['lspconfig.configs'] = nil
end)

test('lsp/valohai_ls.lua (vim.lsp.config on 0.11+) attaches to Valohai files only', function()
  local files = vim.api.nvim_get_runtime_file('lsp/valohai_ls.lua', false)
  eq(1, #files, 'lsp/valohai_ls.lua on the runtime path')
  local cfg = dofile(files[1])
  eq({ 'valohai-ls' }, cfg.cmd, 'cmd')
  eq({ 'yaml.valohai', 'yaml' }, cfg.filetypes, 'filetypes')
  local got
  cfg.root_dir(bufnr, function(dir) got = dir end)
  eq(dir, got, 'root of valohai.yaml')
  got = nil
  cfg.root_dir(vim.fn.bufnr(dir .. '/other.yaml'), function(d) got = d end)
  eq(nil, got, 'root of other.yaml')
  eq('valohai-yaml', cfg.get_language_id(bufnr, 'yaml.valohai'), 'languageId')
end)

test(':checkhealth valohai_ls finds the server', function()
  vim.cmd('buffer ' .. bufnr)
  vim.cmd('checkhealth valohai_ls')
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  vim.cmd('tabclose')
  assert(text:find(vim.env.VALOHAI_LS_BIN .. ' found', 1, true), 'health report:\n' .. text)
  assert(not text:find('ERROR', 1, true), 'health report has errors:\n' .. text)
end)

local function lens_titles(buf)
  local titles = {}
  for _, l in ipairs(vim.lsp.codelens.get(buf) or {}) do
    if l.command then table.insert(titles, l.command.title) end
  end
  return titles
end

test('code lenses show on attach, without a refresh by hand', function()
  vim.cmd('buffer ' .. bufnr)
  wait_for('the code lens of step train', function()
    return vim.tbl_contains(lens_titles(bufnr), 'no pipeline node uses this step')
  end)
end)

test('code lenses follow edits, and are asked for again on save', function()
  local n = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, n, n, false, {
    '- pipeline:', '    name: pl', '    nodes:', '      - name: t', '        type: execution', '        step: train', '    edges: []',
  })
  wait_for('the lens to count the new node', function()
    return vim.tbl_contains(lens_titles(bufnr), 'used by 1 pipeline node')
  end)
  -- On save the lenses are asked for at once, not after the edit delay.
  local asked = 0
  local orig = ls.refresh_codelens
  ls.refresh_codelens = function(...)
    asked = asked + 1
    return orig(...)
  end
  vim.cmd('silent write')
  ls.refresh_codelens = orig
  assert(asked >= 1, 'no code lens refresh on save')
end)

test('saving a script checks the steps that run it again', function()
  local proj = vim.fn.tempname() .. '-scripts'
  vim.fn.mkdir(proj, 'p')
  vim.fn.writefile({ '- step:', '    name: train', '    image: python:3.12', '    command: python train.py {parameters}',
    '    parameters:', '      - name: epochs', '        type: integer', '        default: 3' }, proj .. '/valohai.yaml')
  vim.fn.writefile({ 'import argparse', 'p = argparse.ArgumentParser()', 'p.add_argument("--lr", type=float)', 'p.parse_args()' },
    proj .. '/train.py')
  local yaml = open(proj .. '/valohai.yaml')
  wait_for('the unknown-option warning', function()
    return #diagnostics_matching(yaml, 'script-unknown-option', '--epochs') > 0
  end)
  local py = open(proj .. '/train.py')
  vim.api.nvim_buf_set_lines(py, 2, 2, false, { 'p.add_argument("--epochs", type=int)' })
  vim.cmd('silent write')
  wait_for('the warning to go once train.py is saved', function()
    return #diagnostics_matching(yaml, 'script-unknown-option', '--epochs') == 0
  end)
  vim.cmd('bwipeout! ' .. py)
  vim.cmd('bwipeout! ' .. yaml)
end)

test('buffers opened and wiped in turn, in three roots, each attach within 2 s', function()
  local roots = {}
  for i = 1, 3 do
    local r = vim.fn.tempname() .. '-root' .. i
    vim.fn.mkdir(r, 'p')
    vim.fn.writefile({ '- step:', '    name: s' .. i, '    image: alpine', '    command: echo hi' }, r .. '/valohai.yaml')
    roots[i] = r
  end
  -- Five buffers: roots 1, 2, 1, 3, 2, each wiped before the next opens.
  for n, i in ipairs({ 1, 2, 1, 3, 2 }) do
    local buf = open(roots[i] .. '/valohai.yaml')
    local attached = vim.wait(2000, function() return #clients_of(buf) > 0 end, 20)
    if not attached then error(('buffer %d (root %d) got no client within 2 s'):format(n, i)) end
    eq(roots[i], clients_of(buf)[1].config.root_dir, 'root of buffer ' .. n)
    vim.cmd('bwipeout! ' .. buf)
  end
end)

test('the server shuts down with its clients', function()
  local ids = {}
  for _, c in ipairs(vim.lsp.get_active_clients()) do table.insert(ids, c.id) end
  vim.lsp.stop_client(ids)
  wait_for('clients to stop', function() return #vim.lsp.get_active_clients() == 0 end)
end)

out(('# %d passed, %d failed'):format(passed, failed))
if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
