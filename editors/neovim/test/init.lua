-- Minimal init for the headless test: the plugin directory on 'runtimepath',
-- as a plugin manager would put it, and setup() with the binary under test.
vim.opt.runtimepath:prepend(vim.env.VALOHAI_NVIM_PLUGIN)
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

require('valohai_ls').setup({
  cmd = {
    vim.env.VALOHAI_LS_BIN,
    '--log-level', 'debug',
    '--log-file', vim.env.VALOHAI_TEST_DIR .. '/server.log',
  },
})
