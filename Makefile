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
BUILD_FLAGS := -c release --product promptlint $(STATIC_FLAG)
BINARY = $(shell $(SWIFT) build -c release --show-bin-path)/promptlint

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
