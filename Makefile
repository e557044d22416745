# Openings: the commands a newcomer and CI run. `make site` builds, `make test` checks everything.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

NODE_STAMP := node_modules/.installed
# pip prints errors only: its warnings (an index location this machine's pip settings name but
# lack, setuptools' notes on editable installs) are not the newcomer's to act on.
QUIET := --quiet --quiet

.PHONY: site test lint check serve golden bench faults clean vendor-ods screenshots messages

# Building needs only the package and its runtime dependencies; the test tools (pytest,
# Playwright, ruff, mypy) are added by the targets that use them.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(QUIET) --upgrade pip
	$(PY) -m pip install $(QUIET) -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install $(QUIET) -e '.[test]'
	touch $(TEST_STAMP)

site: $(STAMP)          ## build the site from content/ into site/
	$(PY) -m compileall -q openings
	$(PY) build.py build

check: $(STAMP)         ## check the content without writing anything
	$(PY) build.py check

serve: $(STAMP)         ## live preview on http://127.0.0.1:8000/
	$(PY) build.py serve

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

test: $(TEST_STAMP) $(NODE_STAMP) lint   ## the whole test suite, with lint, types and browser checks
	$(PY) -m pytest

faults: $(TEST_STAMP)  ## the kill loop at full size: 20 builds of 5,000 postings killed at random
	OPENINGS_KILLS=20 OPENINGS_KILL_POSTINGS=5000 $(PY) -m pytest -n 0 tests/test_faults.py

golden: $(STAMP)        ## regenerate the golden sample site after a deliberate change
	$(PY) -m tests.golden

vendor-ods: $(STAMP)    ## refresh the vendored Ontario Design System (needs npm)
	$(PY) layouts/vendor/ods.py

messages: $(STAMP)      ## extract the interface's words and update every catalogue
	$(VENV)/bin/pybabel extract --mapping babel.cfg --keywords N_ --keywords t --no-location --omit-header \
		--sort-output --output layouts/locales/messages.pot .
	$(VENV)/bin/pybabel update --input-file layouts/locales/messages.pot --output-dir layouts/locales \
		--no-fuzzy-matching --ignore-obsolete --omit-header

screenshots: $(TEST_STAMP)  ## photograph page types into docs/screenshots/ (needs chromium)
	$(PY) docs/screenshots.py

bench: $(STAMP)          ## Openings against Hugo on 10,000 postings; writes bench/RESULTS.md
	$(PY) -m pip install $(QUIET) -e '.[bench]'
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PY) bench/run.py

clean:
	rm -rf site .cache $(VENV) node_modules
