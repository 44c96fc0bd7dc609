# Build and install promptlint as one file: the tokenizer vocabularies are inside the executable,
# and the Swift runtime is linked statically, so the installed binary needs no toolchain, no
# resource folder and no clone. It links the system libyaml (libyaml-0-2 / brew libyaml).
#
#   make install                      # /usr/local/bin/promptlint + shell completions
#   make install PREFIX=$HOME/.local  # no sudo
#   make uninstall PREFIX=...
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
SWIFT ?= swift
# macOS has the Swift runtime in the OS: only Linux needs (and supports) the static runtime.
# Nothing links FoundationNetworking (it would need a static libcurl): the budget webhook posts through SwiftNIO.
STATIC_FLAG := $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,)
# CONFIGURATION=debug installs the debug build the same way: CI does, since the tests have built it
# already and a release build is a second full compile of every dependency (scripts/bench-* and
# `make install` build release). The debug link needs Foundation's static libraries named again
# after the objects; the release link resolves them without.
CONFIGURATION ?= release
DEBUG_STATIC_LIBS := $(foreach lib,Foundation CoreFoundation _FoundationICU FoundationEssentials FoundationInternationalization _FoundationCollections _FoundationCShims swiftSynchronization,-Xlinker -l$(lib))
EXTRA_FLAGS := $(if $(and $(STATIC_FLAG),$(filter debug,$(CONFIGURATION))),$(DEBUG_STATIC_LIBS),)
BUILD_FLAGS := -c $(CONFIGURATION) --product promptlint $(STATIC_FLAG) $(EXTRA_FLAGS)
BINARY = $(shell $(SWIFT) build -c $(CONFIGURATION) --show-bin-path)/promptlint

.PHONY: build install uninstall

build:
	$(SWIFT) build $(BUILD_FLAGS)

install: build
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(DATADIR)/bash-completion/completions" \
		"$(DESTDIR)$(DATADIR)/zsh/site-functions" "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d"
	install -m 755 "$(BINARY)" "$(DESTDIR)$(BINDIR)/promptlint"
	"$(DESTDIR)$(BINDIR)/promptlint" --generate-completion-script bash > "$(DESTDIR)$(DATADIR)/bash-completion/completions/promptlint"
	"$(DESTDIR)$(BINDIR)/promptlint" --generate-completion-script zsh > "$(DESTDIR)$(DATADIR)/zsh/site-functions/_promptlint"
	"$(DESTDIR)$(BINDIR)/promptlint" --generate-completion-script fish > "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/promptlint.fish"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/promptlint" "$(DESTDIR)$(DATADIR)/bash-completion/completions/promptlint" \
		"$(DESTDIR)$(DATADIR)/zsh/site-functions/_promptlint" "$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/promptlint.fish"
