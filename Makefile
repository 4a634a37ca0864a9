# newskg — two commands: `make run` (set up, build the seeds, serve) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STORE ?= kgstore

.PHONY: run test setup build serve bench clean

# `make run` needs the runtime dependencies only; the test tools (Playwright, Dask, schemathesis…)
# come with `make test`.
$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-extras: $(BIN)/kg
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The front-end libraries of the web pages (web/package-lock.json), served from web/node_modules.
# Without npm the service still runs; its pages say the libraries are missing.
web/node_modules/.package-lock.json: web/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: skipping the web pages' libraries (install Node.js and rerun)"; exit 0; }; \
	npm ci --prefix web --no-audit --no-fund --loglevel=error && touch $@

setup: $(BIN)/kg web/node_modules/.package-lock.json

# The npm clients of the tests (tests/clients/package-lock.json): the Linked Data client (Comunica) run
# against a real server, and graphology reading the GraphML/GEXF exports. Without npm their tests are
# skipped, and fail under CI.
tests/clients/node_modules/.package-lock.json: tests/clients/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: skipping the npm clients of the tests (install Node.js and rerun)"; exit 0; }; \
	npm ci --prefix tests/clients --no-audit --no-fund --loglevel=error && touch $@

build: setup
	$(BIN)/kg --store $(STORE) build seeds/

serve: setup
	$(BIN)/kg --store $(STORE) serve --host $(HOST) --port $(PORT)

# The main job: install, build the graph of seeds/ into the on-disk store, serve it.
run: build serve

# The test suite (CI runs exactly this).
test: setup $(VENV)/.test-extras tests/clients/node_modules/.package-lock.json
	$(BIN)/python -m pytest

# The benchmarks (not tests: minutes to half an hour); figures, baselines and ratios in a table,
# also written to build/bench/results.{json,md}. `make bench ARGS=--quick` for a short run.
# Then the scale benchmark (hours at 100k articles; build/bench/scale-results.{json,md}):
# `make bench SCALE=10000,30000` for fewer sizes, SCALE= to skip it. Both serve under wrk.
SCALE ?= 10000,30000,100000
bench: setup $(VENV)/.test-extras
	@command -v wrk >/dev/null || echo "wrk not found: the HTTP figures need it (apt-get install wrk)"
	$(BIN)/python -m benchmarks $(ARGS)
	$(if $(SCALE),$(BIN)/python -m benchmarks --scale $(SCALE))

clean:
	rm -rf $(STORE) build .pytest_cache
