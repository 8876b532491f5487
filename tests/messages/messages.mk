# Message tests as data (tests/messages/README.md), included by the
# Makefile: `make messages` runs every block of tests/messages/*.test
# against $(DLG) and checks that every message of spec/messages.md has one;
# `make check` runs it too (the Makefile names it).
.PHONY: messages

messages: $(DLG)
	@sh tests/messages/run.sh $(DLG)

