# ---- benchmark (bench/README.md) -------------------------------------------
# make bench          dlg against mawk, gawk, sqlite3 and jq on the same data
#                     (BENCH_SCALE=1 is ~10,000 communes, 2 M opinions, ~210 MB
#                     of .dlg; BENCH_ROUNDS counted rounds after a warm-up)
# make bench-quick    1 %, one round: a smoke test (a few seconds)
# make bench-scaling  1 %, 10 %, 50 %, 100 %, 200 %
# make bench-kinds    a dataset heavy in each kind of content, for RSS ÷ input
# make deps-bench     mawk, gawk, sqlite3, jq and GNU time
# The data are generated into bench/data/ (BENCH_DATA=) and reused while
# bench/gen.py is unchanged; every run fails if a tool's values differ from dlg's.
BENCH_SCALE   ?= 1
BENCH_ROUNDS  ?= 3
BENCH_PROFILE ?= national
BENCH_TOOLS   ?= dlg,mawk,gawk,sqlite3,jq
BENCH_DATA    ?= bench/data
BENCH_FLAGS   ?=
BENCH_RUN = python3 bench/run.py --dlg $(DLG) --data $(BENCH_DATA) --tools $(BENCH_TOOLS) $(BENCH_FLAGS)

.PHONY: bench bench-quick bench-scaling bench-kinds deps-bench
bench: $(DLG) | deps-bench
	$(BENCH_RUN) --scale $(BENCH_SCALE) --rounds $(BENCH_ROUNDS) --profile $(BENCH_PROFILE)

bench-quick: $(DLG) | deps-bench
	$(BENCH_RUN) --scale 0.01 --rounds 1 --profile $(BENCH_PROFILE)

bench-scaling: $(DLG) | deps-bench
	$(BENCH_RUN) --scale 0.01,0.1,0.5,1,2 --rounds $(BENCH_ROUNDS) --profile $(BENCH_PROFILE)

bench-kinds: $(DLG) | deps-bench
	$(BENCH_RUN) --scale $(BENCH_SCALE) --rounds $(BENCH_ROUNDS) \
	  --profile national,units,figures,tables,sessions,opinions

# What the benchmark needs beside the build: the peers and GNU time (for CPU
# and peak RSS). Installed with apt-get when run as root, else the command is printed.
deps-bench:
	@missing=""; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	command -v mawk >/dev/null 2>&1 || missing="$$missing mawk"; \
	command -v gawk >/dev/null 2>&1 || missing="$$missing gawk"; \
	command -v sqlite3 >/dev/null 2>&1 || missing="$$missing sqlite3"; \
	command -v jq >/dev/null 2>&1 || missing="$$missing jq"; \
	test -x /usr/bin/time || missing="$$missing time"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
	  echo "missing:$$missing"; \
	  echo "run: sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; \
	fi
