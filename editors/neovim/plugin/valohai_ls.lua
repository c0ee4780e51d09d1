-- Give valohai.yaml / valohai.yml the yaml.valohai filetype (YAML highlighting
-- and indentation, plus a filetype of its own for the language server).
-- The server itself starts once you call require('valohai_ls').setup().
if vim.g.loaded_valohai_ls then return end
vim.g.loaded_valohai_ls = true
require('valohai_ls').detect()
