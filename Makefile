# Every target bootstraps its own virtual environment in .venv from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check

PRISM_VERSION := 5.14.2
PRISM := .tools/prism/node_modules/.bin/prism
SWAGGER2OPENAPI_VERSION := 7.0.8
SWAGGER2OPENAPI := .tools/swagger2openapi/node_modules/.bin/swagger2openapi

TYPESCRIPT_VERSION := 5.9.3
PRETTIER_VERSION := 3.10.1
TSC := .tools/typescript/node_modules/.bin/tsc

BENCH_STAMP := $(VENV)/.bench-stamp

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: regenerate docs check test lint update-goldens prism typescript swagger2openapi browser bench bench-client fuzz stress clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e '.[dev]'
	touch $(STAMP)

## Regenerate output/ (the SDK and its docs) from schemas/.
regenerate: $(STAMP)
	$(BIN)/sdkgen generate

## The docs (Markdown and the HTML site in output/docs/site/) are part of the output.
docs: regenerate

## Exit 1 with a diff if output/ is not what `make regenerate` would write.
check: $(STAMP)
	$(BIN)/sdkgen check

## Prism, the mock server the client tests start from schemas/shared.yaml (npm, local folder).
prism: $(PRISM)

$(PRISM):
	npm install --prefix .tools/prism --no-audit --no-fund --loglevel=error @stoplight/prism-cli@$(PRISM_VERSION)

## TypeScript and prettier, which the TypeScript target's tests compile and format-check with (npm, local folder).
typescript: $(TSC)

$(TSC):
	npm install --prefix .tools/typescript --no-audit --no-fund --loglevel=error typescript@$(TYPESCRIPT_VERSION) prettier@$(PRETTIER_VERSION)

## swagger2openapi, the converter the Swagger 2.0 tests compare sdkgen's own reading with (npm, local folder).
swagger2openapi: $(SWAGGER2OPENAPI)

$(SWAGGER2OPENAPI):
	npm install --prefix .tools/swagger2openapi --no-audit --no-fund --loglevel=error swagger2openapi@$(SWAGGER2OPENAPI_VERSION)

## Debian's Chromium, which the docs-site tests drive headless through Playwright.
browser:
	command -v chromium >/dev/null || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium; }

## The whole test suite, the generator's own lint and types, then the drift check.
test: $(STAMP) $(PRISM) $(SWAGGER2OPENAPI) $(TSC) browser
	SDKGEN_REQUIRE_PRISM=1 SDKGEN_REQUIRE_SWAGGER2OPENAPI=1 SDKGEN_REQUIRE_TYPESCRIPT=1 SDKGEN_REQUIRE_BROWSER=1 $(BIN)/python -m pytest
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/sdkgen check

## Lint and type-check the generator itself.
lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy

## The property-based tests at full length: 10,000 random valid specs and 10,000 corruptions.
fuzz: $(STAMP)
	SDKGEN_FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest tests/test_fuzz.py -p no:cacheprovider -q

## The long variants of the concurrency, signal and load tests: 50 racing runs on a small spec and
## 5 on the DigitalOcean bundle, 15 stop signals of each kind, 10,000 concurrent async calls.
stress: $(STAMP)
	SDKGEN_STRESS=1 $(BIN)/python -m pytest -p no:cacheprovider -q -rP tests/test_output_lock.py tests/test_stop_signals.py tests/client/test_reliability.py

## Rewrite tests/golden/*/expected from the current templates (review the diff!).
update-goldens: $(STAMP)
	SDKGEN_UPDATE_GOLDENS=1 $(BIN)/python -m pytest tests/test_golden.py -q

$(BENCH_STAMP): $(STAMP) pyproject.toml
	$(PIP) install -e '.[dev,bench]'
	touch $(BENCH_STAMP)

## Generation time and memory vs datamodel-code-generator and openapi-python-client, and scaling.
bench: $(BENCH_STAMP)
	$(BIN)/python bench/generate_bench.py

## Per-call overhead of the generated client vs raw httpx+pydantic and the gradient SDK; SSE throughput.
bench-client: $(BENCH_STAMP)
	$(BIN)/python bench/client_bench.py

clean:
	rm -rf $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache
