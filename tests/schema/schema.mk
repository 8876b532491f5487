# The JSON and SARIF outputs validated against their schemas (tests/schema/
# README.md), included by the Makefile: `make schema`, part of `make check`.
#
# The validator is python3's jsonschema module: the python3 on PATH if it has
# it (a pyenv or virtualenv python), else Debian's /usr/bin/python3 with
# python3-jsonschema, which `make deps` installs.

.PHONY: schema deps-schema

SCHEMA_PYTHON ?= $(firstword $(foreach p,python3 /usr/bin/python3,\
                   $(shell $(p) -c 'import jsonschema' >/dev/null 2>&1 && echo $(p))) python3)

check: schema
deps: deps-schema

schema: $(DLG)
	@sh tests/schema/run.sh $(DLG) json spec/dlg.schema.json $(SCHEMA_PYTHON)
	@sh tests/schema/run.sh $(DLG) sarif tests/schema/sarif-2.1.0.json $(SCHEMA_PYTHON)

deps-schema:
	@for p in python3 /usr/bin/python3; do \
	  $$p -c 'import jsonschema' >/dev/null 2>&1 && exit 0; \
	done; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing: python3-jsonschema"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-jsonschema; \
	else \
	  echo "missing: python3's jsonschema module"; \
	  echo "run: sudo apt-get update && sudo apt-get install -y python3-jsonschema"; exit 1; \
	fi
