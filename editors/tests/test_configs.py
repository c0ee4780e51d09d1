"""Checks of the JetBrains (LSP4IJ), Helix and Zed configurations.

    VALOHAI_LS_BIN=/abs/path/to/valohai-ls python3 -m unittest -v editors/tests/test_configs.py

Each configuration is parsed and checked for the fields its editor needs, and
its command line (with `valohai-ls` replaced by the binary under test) is run
through a short LSP session. Without VALOHAI_LS_BIN the sessions are skipped.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lspsmoke import check_server  # noqa: E402

EDITORS = Path(__file__).resolve().parent.parent
FIXTURE = EDITORS / "testdata" / "valohai.yaml"
BINARY = os.environ.get("VALOHAI_LS_BIN", "")
FILE_NAMES = ["valohai.yaml", "valohai.yml"]
NOT_VALOHAI = ["other.yaml", "my-valohai.yaml", "valohai.yaml.bak", "valohai.json", "config/other.yml"]
INSTALL = "go install github.com/valohai-ls/valohai-ls/cmd/valohai-ls@latest"
LANGUAGE_ID = "valohai-yaml"


def load_json(path: Path):
    with path.open() as f:
        return json.load(f)


def load_toml(path: Path):
    with path.open("rb") as f:
        return tomllib.load(f)


def with_binary(argv: list[str]) -> list[str]:
    """Swap the configured server name for the binary under test."""
    head = Path(argv[0]).name
    assert head in ("valohai-ls", "valohai-ls.exe"), f"command does not run valohai-ls: {argv}"
    return [BINARY, *argv[1:]]


class SessionMixin:
    def run_session(self, argv: list[str], language_id: str = LANGUAGE_ID, file_name: str = "valohai.yaml"):
        if not BINARY:
            self.skipTest("set VALOHAI_LS_BIN to run the server")
        with tempfile.TemporaryDirectory(prefix="valohai-config-") as tmp:
            return check_server(with_binary(argv), FIXTURE, Path(tmp), language_id, file_name)


class JetBrainsTemplate(SessionMixin, unittest.TestCase):
    dir = EDITORS / "jetbrains" / "valohai-ls"

    def setUp(self):
        self.template = load_json(self.dir / "template.json")

    def test_required_fields(self):
        for key in ("id", "name", "programArgs", "fileTypeMappings"):
            self.assertIn(key, self.template)
        self.assertEqual(self.template["id"], "valohai-ls")
        self.assertIsInstance(self.template["name"], str)
        self.assertTrue(self.template["name"].strip())

    def test_program_args_per_os(self):
        args = self.template["programArgs"]
        self.assertIsInstance(args, dict)
        self.assertIn("default", args)
        for os_key, command in args.items():
            self.assertIn(os_key, ("default", "windows", "mac", "unix"))
            argv = shlex.split(command)
            expected = "valohai-ls.exe" if os_key == "windows" else "valohai-ls"
            self.assertEqual(argv[0], expected, os_key)
            self.assertEqual(argv[1], "serve", os_key)

    def test_maps_exactly_the_valohai_file_names(self):
        mappings = self.template["fileTypeMappings"]
        self.assertIsInstance(mappings, list)
        self.assertTrue(mappings)
        patterns = []
        for mapping in mappings:
            self.assertEqual(mapping.get("languageId"), LANGUAGE_ID)
            file_type = mapping["fileType"]
            # A file type name would map every file of that type (all YAML) to the server.
            self.assertNotIn("name", file_type)
            patterns += file_type["patterns"]
        self.assertEqual(sorted(patterns), sorted(FILE_NAMES))
        for name in FILE_NAMES:
            self.assertTrue(any(fnmatch.fnmatchcase(name, p) for p in patterns), name)
        for name in NOT_VALOHAI:
            self.assertFalse(any(fnmatch.fnmatchcase(Path(name).name, p) for p in patterns), name)

    def test_no_language_mapping_for_all_yaml(self):
        for mapping in self.template.get("languageMappings", []):
            self.assertNotEqual(mapping.get("language", "").lower(), "yaml")

    def test_settings_and_initialization_options(self):
        for name in ("settings.json", "initializationOptions.json"):
            self.assertIsInstance(load_json(self.dir / name), dict, name)

    def test_installer(self):
        installer = load_json(self.dir / "installer.json")
        self.assertEqual(installer["id"], "valohai-ls")
        check = installer["check"]["exec"]["command"]
        self.assertIn("valohai-ls", check["default"])
        self.assertIn("valohai-ls", check["windows"])
        run = installer["run"]["download"]
        self.assertEqual((run["github"]["owner"], run["github"]["repository"]), ("valohai-ls", "valohai-ls"))
        # The assets are archives that `make dist` (release/dist.sh) names.
        dist = (EDITORS.parent / "release" / "dist.sh").read_text()
        self.assertIn("name=valohai-ls_${os}_${arch}", dist)
        asset = run["github"]["asset"]
        names = [asset["windows"], *asset["unix"].values(), *asset["mac"].values()]
        for name in names:
            self.assertRegex(name, r"^valohai-ls_(linux|darwin|windows)_(amd64|arm64)\.(tar\.gz|zip)$")
        self.assertEqual(asset["windows"], "valohai-ls_windows_amd64.zip")
        self.assertEqual(set(asset["unix"].values()), {"valohai-ls_linux_amd64.tar.gz", "valohai-ls_linux_arm64.tar.gz"})
        self.assertEqual(set(asset["mac"].values()), {"valohai-ls_darwin_amd64.tar.gz", "valohai-ls_darwin_arm64.tar.gz"})
        self.assertEqual(run["output"]["file"]["name"]["windows"], "valohai-ls.exe")
        configured = run["onSuccess"]["configureServer"]
        self.assertTrue(configured["update"])
        self.assertEqual(configured["command"], "${output.dir}/${output.file.name} serve")

    def test_readme_walks_through_the_setup(self):
        readme = (self.dir / "README.md").read_text()
        for step in ("LSP4IJ", "Import from custom template", "releases/latest", "make install", "valohai-ls serve", "PyCharm"):
            self.assertIn(step, readme)
        self.assertTrue((EDITORS / "jetbrains" / "README.md").is_file())

    def test_command_starts_the_server(self):
        seen = self.run_session(shlex.split(self.template["programArgs"]["default"]))
        self.assertIn("image", seen["completion"])


class HelixLanguages(SessionMixin, unittest.TestCase):
    def setUp(self):
        self.config = load_toml(EDITORS / "helix" / "languages.toml")
        languages = [lang for lang in self.config["language"] if lang["name"] == "valohai-yaml"]
        self.assertEqual(len(languages), 1)
        self.language = languages[0]

    def test_language_server_entry(self):
        server = self.config["language-server"]["valohai-ls"]
        self.assertEqual(server["command"], "valohai-ls")
        self.assertEqual(server["args"], ["serve"])

    def test_language_uses_the_server_for_the_file_names(self):
        lang = self.language
        self.assertEqual(lang["language-servers"], ["valohai-ls"])
        self.assertEqual(lang["language-id"], LANGUAGE_ID)
        globs = [ft["glob"] for ft in lang["file-types"]]
        self.assertEqual(sorted(globs), sorted(FILE_NAMES))
        for name in NOT_VALOHAI:
            self.assertFalse(any(fnmatch.fnmatchcase(Path(name).name, g) for g in globs), name)
        self.assertEqual(sorted(lang["roots"]), sorted(FILE_NAMES))

    def test_keeps_yaml_editing(self):
        lang = self.language
        self.assertEqual(lang["grammar"], "yaml")
        self.assertEqual(lang["comment-token"], "#")
        self.assertEqual(lang["indent"], {"tab-width": 2, "unit": "  "})
        self.assertTrue(lang["scope"].startswith("source."))
        queries = EDITORS / "helix" / "runtime" / "queries" / "valohai-yaml"
        self.assertTrue((queries / "highlights.scm").is_file())
        for query in queries.glob("*.scm"):
            self.assertEqual(query.read_text().strip(), "; inherits: yaml", query.name)

    def test_command_starts_the_server(self):
        server = self.config["language-server"]["valohai-ls"]
        self.run_session([server["command"], *server["args"]], self.language["language-id"], "valohai.yml")


class ZedExtension(SessionMixin, unittest.TestCase):
    dir = EDITORS / "zed"

    def test_extension_manifest(self):
        manifest = load_toml(self.dir / "extension.toml")
        for key in ("id", "name", "version", "schema_version", "authors", "description", "repository"):
            self.assertIn(key, manifest)
        self.assertEqual(manifest["id"], "valohai-ls")
        self.assertEqual(manifest["schema_version"], 1)
        self.assertRegex(manifest["version"], r"^\d+\.\d+\.\d+$")
        server = manifest["language_servers"]["valohai-ls"]
        self.assertEqual(server["name"], "valohai-ls")
        self.assertIn("YAML", server["languages"])

    def test_cargo_manifest(self):
        cargo = load_toml(self.dir / "Cargo.toml")
        self.assertEqual(cargo["lib"]["crate-type"], ["cdylib"])
        self.assertIn("zed_extension_api", cargo["dependencies"])
        source = (self.dir / "src" / "lib.rs").read_text()
        self.assertIn("register_extension!", source)
        self.assertIn('"serve"', source)
        self.assertIn(INSTALL, source)

    def test_settings_snippet(self):
        settings = load_json(self.dir / "settings.json")
        servers = settings["languages"]["YAML"]["language_servers"]
        self.assertEqual(servers[0], "valohai-ls")
        self.assertIn("...", servers)
        binary = settings["lsp"]["valohai-ls"]["binary"]
        self.assertEqual(binary["arguments"], ["serve"])
        self.assertEqual(Path(binary["path"]).name, "valohai-ls")

    def test_readme_says_it_is_not_built(self):
        readme = (self.dir / "README.md").read_text()
        self.assertRegex(readme, r"WebAssembly")
        self.assertRegex(readme, r"not been compiled")

    def test_command_starts_the_server(self):
        binary = load_json(self.dir / "settings.json")["lsp"]["valohai-ls"]["binary"]
        # Zed sends YAML buffers with its own language id; the server goes by file name.
        self.run_session([binary["path"], *binary["arguments"]], "yaml")


class MasonPackage(unittest.TestCase):
    """editors/mason/package.yaml: one asset per mason target, named as `make dist` names them."""

    def test_assets(self):
        text = (EDITORS / "mason" / "package.yaml").read_text()
        self.assertRegex(text, r"(?m)^name: valohai-ls$")
        self.assertRegex(text, r"(?m)^  id: pkg:github/valohai-ls/valohai-ls@v\d+\.\d+\.\d+$")
        assets = re.findall(r"- target: (\S+)\n\s+file: (\S+)\n\s+bin: (\S+)", text)
        want = {
            "linux_x64": ("linux_amd64.tar.gz", "valohai-ls"),
            "linux_arm64": ("linux_arm64.tar.gz", "valohai-ls"),
            "darwin_x64": ("darwin_amd64.tar.gz", "valohai-ls"),
            "darwin_arm64": ("darwin_arm64.tar.gz", "valohai-ls"),
            "win_x64": ("windows_amd64.zip", "valohai-ls.exe"),
            "win_arm64": ("windows_arm64.zip", "valohai-ls.exe"),
        }
        self.assertEqual({t: (f.removeprefix("valohai-ls_"), b) for t, f, b in assets}, want)
        self.assertIn('valohai-ls: "{{source.asset.bin}}"', text)


class ShellScripts(unittest.TestCase):
    def test_shellcheck(self):
        shellcheck = shutil.which("shellcheck")
        self.assertIsNotNone(shellcheck, "shellcheck not found: run editors/install-deps.sh")
        scripts = sorted(p for p in EDITORS.rglob("*.sh") if "node_modules" not in p.parts)
        scripts.append(EDITORS.parent / "release" / "dist.sh")
        self.assertTrue(scripts)
        result = subprocess.run([shellcheck, *map(str, scripts)], capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


class ReadmeLinks(unittest.TestCase):
    def test_every_relative_link_resolves(self):
        for readme in EDITORS.rglob("README.md"):
            if "node_modules" in readme.parts:
                continue
            for target in re.findall(r"\]\(([^)#\s]+)\)", readme.read_text()):
                if re.match(r"[a-z]+:", target):
                    continue
                self.assertTrue((readme.parent / target).exists(), f"{readme}: {target}")


if __name__ == "__main__":
    unittest.main()
