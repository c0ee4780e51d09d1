//! Zed extension skeleton: starts `valohai-ls serve` for YAML buffers.
//!
//! The binary comes from the `lsp.valohai-ls.binary` settings when given,
//! else from `valohai-ls` on the worktree's PATH. Not compiled or tried in
//! this repository; see README.md.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

const SERVER: &str = "valohai-ls";
const INSTALL: &str = "go install github.com/valohai-ls/valohai-ls/cmd/valohai-ls@latest";

struct ValohaiExtension;

impl zed::Extension for ValohaiExtension {
    fn new() -> Self {
        ValohaiExtension
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let configured_path = binary.as_ref().and_then(|b| b.path.clone());
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["serve".to_string()]);
        let command = match configured_path {
            Some(path) => path,
            None => worktree.which(SERVER).ok_or_else(|| {
                format!("{SERVER} was not found on PATH. Install it with `{INSTALL}`, or set lsp.{SERVER}.binary.path in Zed's settings.")
            })?,
        };
        Ok(zed::Command {
            command,
            args,
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(ValohaiExtension);
