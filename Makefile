# hoivien — build, test, install.  `make run` and `make check` are all a new user needs.

VERSION  := 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
DATADIR  := $(PREFIX)/share/hoivien
CC       ?= cc

# Debian packages the build, the tests and `make run` need (see README, "Dependencies").
DEB_PKGS := gcc make libc6-dev libdb-dev libunistring-dev libncurses-dev libxlsxwriter-dev pkgconf \
            gettext tmux perl valgrind locales \
            time

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
# -pthread: the importer reads the next batch on a second thread, and sorts its index runs on
# a third.
CPPFLAGS := -Isrc -Itests/lib -D_GNU_SOURCE -DHOIVIEN_VERSION='"$(VERSION)"' \
            -DHOIVIEN_DATADIR_DEFAULT='"$(DATADIR)"' -pthread
CSTD     := -std=c11
LDLIBS   := -pthread -ldb -lunistring -lm $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)

# Two builds of the same sources: build/ (optimised: make run, bench, install, valgrind) and
# build/san/ (AddressSanitizer + UndefinedBehaviorSanitizer: make check).
OPT_CFLAGS := -O2 -g
SAN_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

LIB_SRC   := $(sort $(wildcard src/util/*.c src/text/*.c src/core/*.c src/store/*.c src/cli/*.c))
UI_SRC    := $(sort $(wildcard src/ui/*.c))
# Data files compiled in: the default key bindings, in the same syntax as a user's file.
GEN_SRC   := build/gen/keymap_default.c build/gen/ime_default.c
IME_FILES := keymaps/telex.ime keymaps/vni.ime keymaps/viqr.ime
CURSES_CFLAGS := -DNCURSES_WIDECHAR=1
CURSES_LIBS   := $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
TEST_SRC  := $(sort $(wildcard tests/unit/test_*.c))
TOOL_SRC  := $(sort $(wildcard tests/tools/*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))
PO        := $(wildcard po/*.po)
MO        := $(patsubst po/%.po,build/locale/%/LC_MESSAGES/hoivien.mo,$(PO))

define variant
$(1)_LIB_OBJ   := $$(patsubst src/%.c,$(2)/obj/%.o,$$(LIB_SRC)) $(2)/obj/gen/keymap_default.o \
                  $(2)/obj/gen/ime_default.o
$(1)_UI_OBJ    := $$(patsubst src/%.c,$(2)/obj/%.o,$$(UI_SRC))
$(1)_TEST_BIN  := $$(patsubst tests/unit/%.c,$(2)/tests/%,$$(TEST_SRC))
$(1)_TOOL_BIN  := $$(patsubst tests/tools/%.c,$(2)/tools/%,$$(TOOL_SRC))

$(2)/obj/%.o: src/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CSTD) $$(CPPFLAGS) $(3) $$(WARN) -MMD -MP -c -o $$@ $$<

$(2)/obj/ui/%.o: src/ui/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CSTD) $$(CPPFLAGS) $$(CURSES_CFLAGS) $(3) $$(WARN) -MMD -MP -c -o $$@ $$<

$(2)/obj/gen/%.o: build/gen/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CSTD) $$(CPPFLAGS) $(3) $$(WARN) -c -o $$@ $$<

$(2)/tests/%.o: tests/unit/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CSTD) $$(CPPFLAGS) $(3) $$(WARN) -MMD -MP -c -o $$@ $$<

$(2)/tools/%.o: tests/tools/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CSTD) $$(CPPFLAGS) $(3) $$(WARN) -MMD -MP -c -o $$@ $$<

$(2)/tools/%: $(2)/tools/%.o $(2)/libhoivien.a
	$$(CC) $(3) -o $$@ $$^ $$(LDLIBS) -lutil

$(2)/libhoivien.a: $$($(1)_LIB_OBJ)
	rm -f $$@
	ar rcs $$@ $$^

$(2)/libhoivien_ui.a: $$($(1)_UI_OBJ)
	rm -f $$@
	ar rcs $$@ $$^

$(2)/hoivien: $(2)/obj/main.o $(2)/libhoivien_ui.a $(2)/libhoivien.a
	$$(CC) $(3) -o $$@ $$^ $$(LDLIBS) $$(CURSES_LIBS)

$(2)/tests/%: $(2)/tests/%.o $(2)/libhoivien.a
	$$(CC) $(3) -o $$@ $$^ $$(LDLIBS)

-include $$($(1)_LIB_OBJ:.o=.d) $$($(1)_UI_OBJ:.o=.d) $$($(1)_TEST_BIN:=.d) $$($(1)_TOOL_BIN:=.d) \
	$(2)/obj/main.d
endef

$(eval $(call variant,OPT,build,$(OPT_CFLAGS)))
$(eval $(call variant,SAN,build/san,$(SAN_CFLAGS)))

# keymaps/default.keys as a C string: the bindings the program starts from (a user's file adds
# to them), so the defaults cannot drift from the file that documents them.
build/gen/keymap_default.c: keymaps/default.keys
	@mkdir -p $(@D)
	{ echo '/* Generated from keymaps/default.keys by make: do not edit. */'; \
	  echo 'const char keymap_default_text[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$$/\\n"/' $<; \
	  echo '\t;'; } > $@.tmp && mv $@.tmp $@

# The input methods' rules (keymaps/*.ime) as C strings, for the same reason: the program types
# Vietnamese even when the data files are not installed; a user's own file overrides one.
build/gen/ime_default.c: $(IME_FILES)
	@mkdir -p $(@D)
	{ echo '/* Generated from the keymaps/ .ime files by make: do not edit. */'; \
	  for f in $(IME_FILES); do \
	    n=$$(basename $$f .ime); \
	    echo "const char ime_$${n}_text[] ="; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/\t"/' -e 's/$$/\\n"/' $$f; \
	    echo '\t;'; \
	  done; } > $@.tmp && mv $@.tmp $@

# The install prefix is compiled into path.c (where to find screens/ and keymaps/): a stamp
# file that changes with PREFIX makes it rebuild.
PREFIX_STAMP := build/prefix.stamp
$(shell mkdir -p build; echo '$(DATADIR)' | cmp -s - $(PREFIX_STAMP) || echo '$(DATADIR)' > $(PREFIX_STAMP))
build/obj/util/path.o build/san/obj/util/path.o: $(PREFIX_STAMP)

BIN     := build/hoivien
SAN_BIN := build/san/hoivien
DEMO    ?= demo-store

.PHONY: all deps run check test-bin lint bench install uninstall clean
.SECONDARY:

all: $(BIN) $(MO)

build/locale/%/LC_MESSAGES/hoivien.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# Messages: extract the msgids from the sources and merge them into the translations
# (then translate what msgmerge marks new or fuzzy; tests/cli/po.t fails until that is done).
.PHONY: po
po:
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
		--package-name=hoivien --package-version=$(VERSION) --sort-by-file \
		-o po/hoivien.pot $(LIB_SRC) $(UI_SRC) src/main.c
	for f in $(PO); do msgmerge --quiet --update --backup=none --no-fuzzy-matching $$f po/hoivien.pot; done

# Install what the build needs: apt-get as root, otherwise print the command to run.
deps:
	@missing=""; \
	if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "deps: not a Debian system; install: $(DEB_PKGS)"; exit 0; fi; \
	for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all present"; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "deps: installing$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
		echo "deps: missing$$missing"; \
		echo "run:  sudo apt-get install$$missing"; exit 1; \
	fi

# The demo store: generated once, then reused.
$(DEMO)/.demo-done: | $(BIN) $(MO)
	rm -rf $(DEMO)
	./$(BIN) -d $(DEMO) demo -n 10000 --seed 2026
	touch $@

# `make run`: the full-screen program on the demo store (q or C-q leaves it).
run: deps
	@$(MAKE) --no-print-directory $(BIN) $(MO) $(DEMO)/.demo-done
	./$(BIN) -d $(DEMO)

test-bin: $(SAN_BIN) $(SAN_TEST_BIN) $(SAN_TOOL_BIN) $(OPT_TEST_BIN) $(BIN) $(MO)

# Every test, through prove; the last line is the harness's summary.
# Unit tests are the sanitized binaries; tests/cli/*.t drive the sanitized hoivien.
check: test-bin lint
	HOIVIEN_BIN=$(CURDIR)/$(SAN_BIN) HOIVIEN_OPT_BIN=$(CURDIR)/$(BIN) \
	HOIVIEN_TOOLS=$(CURDIR)/build/san/tools HOIVIEN_OPT_TESTS=$(CURDIR)/build/tests \
	HOIVIEN_DATADIR=$(CURDIR) \
	prove -j2 $(SAN_TEST_BIN) tests/cli/*.t tests/ui/*.t

# The layering rule of STYLE.md: curses only in src/ui, db.h only in src/store.
lint:
	@bad=$$(grep -rlE '#include *[<"](n?curses(w)?|ncursesw/curses|form|menu|panel)\.h[>"]' src | grep -v '^src/ui/'); \
	if [ -n "$$bad" ]; then echo "lint: curses included outside src/ui: $$bad"; exit 1; fi; \
	bad=$$(grep -rlE '#include *[<"]db\.h[>"]' src | grep -v '^src/store/'); \
	if [ -n "$$bad" ]; then echo "lint: db.h included outside src/store: $$bad"; exit 1; fi

bench: $(BIN) build/bench/bench_find build/bench/bench_ui build/bench/bench_text build/bench/bench_dedupe \
	build/bench/bench_freq
	./bench/run.sh

build/bench/%: bench/%.c build/libhoivien.a
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(CPPFLAGS) $(OPT_CFLAGS) $(WARN) -o $@ $^ $(LDLIBS) -lutil

install: $(BIN) $(MO)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/screens $(DESTDIR)$(DATADIR)/keymaps \
		$(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/hoivien
	for f in screens/* keymaps/*; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/$$f; done; true
	for m in $(MO); do d=$(DESTDIR)$(DATADIR)/$${m#build/}; install -d $$(dirname $$d); install -m 644 $$m $$d; done
	install -m 644 man/hoivien.1 $(DESTDIR)$(PREFIX)/share/man/man1/hoivien.1
	install -m 644 man/hoivien-screens.5 $(DESTDIR)$(PREFIX)/share/man/man5/hoivien-screens.5
	install -m 644 man/hoivien-ime.5 $(DESTDIR)$(PREFIX)/share/man/man5/hoivien-ime.5

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/hoivien $(DESTDIR)$(PREFIX)/share/man/man1/hoivien.1 \
		$(DESTDIR)$(PREFIX)/share/man/man5/hoivien-screens.5 \
		$(DESTDIR)$(PREFIX)/share/man/man5/hoivien-ime.5
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build
