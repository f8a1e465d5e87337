# Two commands do all the set-up on a fresh machine with Python 3.10+ and make:
#   make report   create .venv, install framing (its runtime dependencies only), write reports/nato-eastern-flank-2022.html
#   make test     create .venv, install framing with its test, docs and lint extras, lint, run every test
#   make lint     ruff check, ruff format --check and mypy
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
# A teacher's `make report` must not wait for pytest, playwright and ipykernel: two stamps, two installs.
RUNTIME = $(VENV)/.runtime-stamp
STAMP = $(VENV)/.installed-stamp

.PHONY: report lint test benchmark docs clean

$(RUNTIME): setup.cfg pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "framing needs Python 3.10 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e '.[test,docs,lint]'
	touch $(STAMP)

report: $(RUNTIME)
	$(BIN)/framing report nato-eastern-flank-2022 -o reports/nato-eastern-flank-2022.html

lint: $(STAMP)
	$(BIN)/ruff check framing tests benchmarks tools evaluation
	$(BIN)/ruff format --check framing tests benchmarks tools evaluation
	$(BIN)/mypy framing

test: $(STAMP) lint
	$(BIN)/python -m pytest -n 2 -q

benchmark: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict --site-dir site

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
