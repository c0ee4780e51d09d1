# valohai-ls build, test and benchmark targets.
GO        ?= go
BIN       ?= bin/valohai-ls
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
FUZZTIME  ?= 90s
# The project's packages (npm installs under editors/ may bring Go files).
PKGS       = $(shell $(GO) list ./... | grep -v /node_modules/)

.PHONY: all build install test test-go test-editors conformance bench lint fuzz tidy clean schema replay rules-doc screenshots

all: lint build test

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/valohai-ls

install:
	$(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/valohai-ls

# test runs every suite: Go unit and end-to-end tests (including the corpus
# conformance and typing-replay suites) and the editor integration tests.
test: test-go test-editors

test-go:
	$(GO) test -count=1 $(PKGS)

test-editors: build
	@if [ -x editors/test.sh ]; then editors/test.sh $(abspath $(BIN)); else echo "editors/test.sh missing"; exit 1; fi

conformance:
	$(GO) test -count=1 -run 'TestConformance' -v ./check/...

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzPipeline -fuzztime $(FUZZTIME) ./diagnostics/

# replay types every real-world file into the real binary over stdio and
# checks completion and hover where each key is written.
replay:
	VALOHAI_REPLAY=binary $(GO) test -count=1 -run TestReplay -v ./internal/replay/

# schema regenerates the committed JSON Schema export.
schema:
	$(GO) run ./cmd/valohai-ls schema > editors/schema/valohai.schema.json

# screenshots regenerates the README's picture, docs/vscode.png, with the VS Code
# end-to-end suite (editors/vscode/test/e2e; its tools come from editors/install-deps.sh).
screenshots: build
	@mkdir -p docs
	README_SHOT=$(abspath docs/vscode.png) editors/vscode/test/e2e/run.sh $(abspath $(BIN))

# rules-doc regenerates the rules reference from the rule catalog (a test
# checks it is current).
rules-doc:
	$(GO) run ./internal/rulesdoc > docs/rules.md

tidy:
	$(GO) mod tidy

clean:
	rm -rf bin dist
