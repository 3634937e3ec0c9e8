# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= eventlens.db

.PHONY: install demo test bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Ingest the bundled demo corpus into the embedded store and show what it holds.
# The corpus contains one deliberately broken file, so ingest reports one failure.
demo: $(STAMP)
	$(BIN)/eventlens ingest examples/corpus --db $(DB) || echo "(ingest reported failed inputs; the demo corpus has one broken file on purpose: see '$(BIN)/eventlens failures --db $(DB)')"
	$(BIN)/eventlens summary --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) $(DB) bench-out .pytest_cache
