# valohai-ls build, test and benchmark targets.
GO        ?= go
BIN       ?= bin/valohai-ls
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
FUZZTIME  ?= 3m
FUZZPARALLEL ?= 2
FUZZFLAGS ?= -parallel $(FUZZPARALLEL) -fuzzminimizetime 30x
# The project's packages (npm installs under editors/ may bring Go files).
PKGS       = $(shell $(GO) list ./... | grep -v /node_modules/)

.PHONY: all setup build install test test-go test-editors dist conformance bench hostile lint fuzz stress tidy clean schema replay rules-doc mutation screenshots

all: lint build test

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/valohai-ls

install:
	$(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/valohai-ls

# setup installs what the suites and `make dist` need (Debian packages, the
# VS Code extension's npm packages, Go modules); quick when all is present.
setup:
	editors/install-deps.sh
	$(GO) mod download

# test runs every suite, after the set-up: Go unit and end-to-end tests
# (including the corpus conformance, typing-replay and client-capability
# suites) and the editor integration tests. The stress test of concurrent
# requests and edits runs again under the race detector (which needs cgo,
# and gcc from the set-up).
test: setup test-go test-editors

test-go: | setup
	$(GO) test -count=1 $(PKGS)
	CGO_ENABLED=1 $(GO) test -count=1 -race -run Stress ./server/...

test-editors: build | setup
	@if [ -x editors/test.sh ]; then editors/test.sh $(abspath $(BIN)); else echo "editors/test.sh missing"; exit 1; fi

# dist builds the release into dist/: binaries, archives, one VS Code
# extension per platform and SHA256SUMS, then checks them.
dist: setup
	VERSION=$(VERSION) GO=$(GO) release/dist.sh

# mutation makes every single mistake of internal/mutation in the clean
# corpus files and prints, by kind, how many are reported at the mistake,
# fixed by a quick fix and reported away from it (`make test` runs a sample).
mutation:
	VALOHAI_MUTATION=full $(GO) test -count=1 -run '^TestMutation$$' -v ./internal/mutation/

conformance:
	$(GO) test -count=1 -run 'TestConformance' -v ./check/...

# bench runs the Go benchmarks, then the server and check on generated
# files of 5,000, 50,000 and 800,000 lines (needs ../shared/tools).
bench: build
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)
	python3 internal/bigbench/bigbench.py --bin $(BIN)

# hostile prints the peak RSS and wall time of check and of the server
# (over stdio) on each hostile input of internal/hostile/figures.py:
# scripts nested past Python's limit, special files and links, huge
# prepare() calls, request and edit floods, unreadable headers, and the
# files where PyYAML and a YAML library part ways (not part of make test).
hostile: build
	python3 internal/hostile/figures.py --bin $(BIN)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)

# fuzz runs every fuzz target for FUZZTIME each, one after the other, on
# FUZZPARALLEL workers. Their seeds (and the crashers committed under each
# package's testdata/fuzz/) run in every `go test`. New inputs are only
# briefly minimized: they are many at first, and each run is a few
# milliseconds.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzPipeline$$' -fuzztime $(FUZZTIME) -timeout 0 $(FUZZFLAGS) ./diagnostics/
	$(GO) test -run '^$$' -fuzz '^FuzzIncremental$$' -fuzztime $(FUZZTIME) -timeout 0 $(FUZZFLAGS) ./diagnostics/
	$(GO) test -run '^$$' -fuzz '^FuzzRequests$$' -fuzztime $(FUZZTIME) -timeout 0 $(FUZZFLAGS) ./server/
	$(GO) test -run '^$$' -fuzz '^FuzzDidChange$$' -fuzztime $(FUZZTIME) -timeout 0 $(FUZZFLAGS) ./server/
	$(GO) test -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(FUZZTIME) -timeout 0 $(FUZZFLAGS) ./check/
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) -timeout 0 $(FUZZFLAGS) ./python/
	$(GO) test -run '^$$' -fuzz '^FuzzFormat$$' -fuzztime $(FUZZTIME) -timeout 0 $(FUZZFLAGS) ./format/
	$(GO) test -run '^$$' -fuzz '^FuzzBuild$$' -fuzztime $(FUZZTIME) -timeout 0 $(FUZZFLAGS) ./commands/

# stress sends STRESS requests of every kind to the real binary over stdio,
# at random positions of corpus files mutated with YAML's sharp characters;
# none may be answered with an internal error (`make test` sends 1,000).
STRESS ?= 50000
STRESS_SEED ?= 1
stress:
	VALOHAI_STRESS_REQUESTS=$(STRESS) VALOHAI_STRESS_SEED=$(STRESS_SEED) $(GO) test -count=1 -run '^TestStdioMutatedCorpus$$' -v ./cmd/valohai-ls/

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
	README_SHOT=$(abspath docs/vscode.png) GRAPH_SHOT=$(abspath docs/pipeline-graph.png) editors/vscode/test/e2e/run.sh $(abspath $(BIN))

# rules-doc regenerates the rules reference from the rule catalog (a test
# checks it is current).
rules-doc:
	$(GO) run ./internal/rulesdoc > docs/rules.md

tidy:
	$(GO) mod tidy

clean:
	rm -rf bin dist
