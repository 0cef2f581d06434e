# Small build helpers.  `make translations`: refresh the .ts from ui/ and compile the .qm.
VENV ?= /tmp/venv
PYBIN ?= $(if $(wildcard $(VENV)/bin/python),$(VENV)/bin/,)
TS := resources/translations/renshe_zh_CN.ts
QM := resources/translations/renshe_zh_CN.qm

.PHONY: translations
translations:
	$(PYBIN)pyside6-lupdate $$(find ui -name '*.py' | sort) -ts $(TS) -target-language zh_CN -no-obsolete -locations none
	$(PYBIN)pyside6-lrelease $(TS) -qm $(QM)
