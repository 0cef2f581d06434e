"""What every case page shares (complaints, arbitration, mediation): the step bar, the step
form built from the life cycle's fields, and the permission gating.

The life cycle (app/kernel/lifecycle.py) says which steps a state allows, the words and
the permission of each, and the inputs of its form.  `StepBar` shows exactly the allowed
steps, greyed with a tip where the clerk lacks the permission; `CaseStepPage` (a mixin for
the page) turns a step's `StepField`s into the dialog's `Field`s, runs the dialog and the
service method the transition names, and shows the outcome.  A page keeps its layout and
says only what the life cycle cannot know: the choices that come from the case (its
parties, its claims …), arguments taken from the case, and the few steps whose form
depends on the case (one amount per claim).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import StorageError, UserError
from app.kernel.lifecycle import StepField, Transition
from ui.context import AppContext
from ui.widgets.stale_save import SavedElsewhere, is_changed_elsewhere
from ui.widgets.step_dialog import Field, StepDialog

if TYPE_CHECKING:
    from ui.tasks import TaskRunner

def task_runner(context: AppContext) -> TaskRunner:
    """The application's task runner (a page opened without one gets its own, as the windows do)."""
    if context.tasks is None:
        from ui.tasks import TaskRunner

        context.tasks = TaskRunner(language=context.language, error_windows=context.error_windows)
    return context.tasks


def on_the_writer(context: AppContext, parent: QWidget, label: str, work: Callable[[], Any]) -> Any:
    """Run `work` (a write, or a document rendered with its trace) on the task runner's single
    writer, off the GUI thread, and wait for it while the GUI keeps painting; its result, or
    its exception raised here.  `work` must not touch widgets: read them before."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finish(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    task_runner(context).run(lambda _progress, _cancel: work(), on_success=lambda r: finish("result", r),
                             on_error=lambda e: finish("error", e), label=label, parent=parent,
                             cancellable=False, writes=True)
    if not outcome:  # delivered through a queued signal: not before this loop runs
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


class WritesOnTheWriter:
    """A case service whose every call runs on the writer (`on_the_writer`); wrap it in
    AtVersion so that a case saved elsewhere is handled back on the GUI thread."""

    def __init__(self, context: AppContext, parent: QWidget, service: Any, label: str) -> None:
        self._context, self._parent, self._service, self._label = context, parent, service, label

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self._service, name)

        def on_writer(*args: Any, **kwargs: Any) -> Any:
            return on_the_writer(self._context, self._parent, self._label, lambda: method(*args, **kwargs))

        return on_writer


# kinds of the life cycle that the dialog shows as another kind
_DIALOG_KIND = {"person": "choice"}
# an empty money or party input is handed to the service as 0 (its own check then refuses it)
_ZERO_WHEN_EMPTY = frozenset({"money", "party"})


class StepBar(QWidget):
    """One button per step of the life cycle; `show_allowed` packs the allowed ones left to
    right and hides the rest.  A step the clerk may not take stays visible, greyed, and says
    which permission it needs.  With a title the buttons sit in a group box of that title
    (the arbitration page); without, alone, in a row of the page's own (the mediation panel)."""

    triggered = Signal(str)

    def __init__(self, context: AppContext, transitions: Mapping[str, Transition[Any, Any]], title: str | None, *,
                 per_row: int = 8, skip: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.transitions = transitions
        self.per_row = per_row
        self.frame: QGroupBox | None = None
        if title is None:
            self.grid = QGridLayout(self)
            self.grid.setContentsMargins(0, 0, 0, 0)
        else:
            self.frame = QGroupBox(title)
            self.grid = QGridLayout(self.frame)
            framed = QVBoxLayout(self)
            framed.setContentsMargins(0, 0, 0, 0)
            framed.addWidget(self.frame)
        self.buttons: dict[str, QPushButton] = {}
        skipped = set(skip)
        for action, transition in transitions.items():  # the life cycle's order, words and permissions
            if action in skipped:
                continue
            button = QPushButton(transition.label(context.language))
            button.setObjectName(action)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=action: self.triggered.emit(a))
            self.buttons[action] = button

    def show_allowed(self, allowed: Iterable[str]) -> list[str]:
        """Show exactly the steps in `allowed` (in the life cycle's order); the ones shown."""
        wanted = set(allowed)
        shown = [a for a in self.buttons if a in wanted]
        for button in self.buttons.values():
            self.grid.removeWidget(button)
        for i, action in enumerate(shown):
            self.grid.addWidget(self.buttons[action], i // self.per_row, i % self.per_row)
        for action, button in self.buttons.items():
            gate_button(self.context, button, self.transitions[action], visible=action in wanted)
        return shown

    def shown(self) -> list[str]:
        return [a for a, b in self.buttons.items() if b.isVisibleTo(self)]


def gate_button(context: AppContext, button: QPushButton, transition: Transition[Any, Any], *, visible: bool) -> None:
    """A step's button: shown when its state allows it, enabled when the clerk may take it."""
    may = context.can(transition.permission)
    button.setVisible(visible)
    button.setEnabled(visible and may)
    button.setToolTip("" if may else context.missing_permission_tip(transition.permission))


def dialog_field(f: StepField, language: str, *, choices: Sequence[tuple[str, Any]] | None = None,
                 default: Any = None) -> Field:
    """A life-cycle field as the step dialog shows it, in this language."""
    offered = list(choices) if choices is not None else f.choice_labels(language)
    kind = _DIALOG_KIND.get(f.kind, f.kind)
    if kind == "choice" and not offered and choices is None and not f.choices:
        kind = "line"  # a choice with nothing to choose from is typed in (a room when none is kept)
    return Field(f.name, f.label(language), kind, offered, f.default if default is None else default,
                 follows=f.follows)


class CaseStepPage:
    """Mixin for a case page (a QWidget with `context`, `status` and `changed`).

    The page sets `transitions`, creates its bar with `make_step_bar`, keeps its case in
    `view` (or says where with `step_case`), and implements
    `step_service(view)` (the service bound to the version the clerk saw), `case_key(view)`,
    `show_case(view)` and `reload()`; it may override the `step_*` hooks."""

    context: AppContext
    status: QLabel
    transitions: Mapping[str, Transition[Any, Any]]
    step_bar: StepBar
    view: Any

    # ---- what the page says (hooks)
    def step_case(self) -> Any:
        """The case on the page, the one its steps act on (None: no case chosen)."""
        return self.view

    def step_today(self) -> date:
        raise NotImplementedError

    def step_service(self, view: Any) -> Any:
        raise NotImplementedError

    def case_key(self, view: Any) -> int:
        return int(view.id)

    def step_choices(self, action: str, view: Any) -> dict[str, Sequence[tuple[str, Any]]]:
        """The choices of the step's choice fields that come from the case."""
        return {}

    def step_defaults(self, action: str, view: Any) -> dict[str, Any]:
        return {}

    def step_arguments(self, action: str, view: Any) -> dict[str, Any]:
        """Arguments the service method takes from the case, not from the form."""
        return {}

    def step_form(self, action: str, view: Any) -> tuple[list[Field], Callable[[dict[str, Any]], Any]] | None:
        """A step whose form depends on the case: its fields and how it runs (None: from the life cycle)."""
        return None

    def step_recorded(self, action: str, outcome: Any) -> None:
        """After a step: the case as the service returned it."""
        self.show_case(outcome)

    def show_case(self, view: Any) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    # ---- the shared wiring
    def make_step_bar(self, title: str | None, *, skip: Iterable[str] = (), per_row: int = 8) -> StepBar:
        """The step buttons, in a group box of `title` (None: no box)."""
        assert isinstance(self, QWidget)
        self.step_bar = StepBar(self.context, self.transitions, title, per_row=per_row, skip=skip, parent=self)
        self.step_bar.triggered.connect(self.run_step)
        return self.step_bar

    @property
    def buttons(self) -> dict[str, QPushButton]:
        return self.step_bar.buttons

    def step_fields(self, action: str, view: Any) -> list[Field]:
        transition = self.transitions[action]
        choices, defaults = self.step_choices(action, view), self.step_defaults(action, view)
        return [dialog_field(f, self.context.language, choices=choices.get(f.name), default=defaults.get(f.name))
                for f in transition.fields]

    def _step(self, action: str, view: Any) -> tuple[list[Field], Callable[[dict[str, Any]], Any]]:
        """The step's form and the call that performs it (the seam tests read)."""
        special = self.step_form(action, view)
        if special is not None:
            return special
        transition = self.transitions[action]
        service, key, extra = self.step_service(view), self.case_key(view), self.step_arguments(action, view)
        method = getattr(service, transition.method)
        kinds = {f.name: f.kind for f in transition.fields}

        def call(values: dict[str, Any]) -> Any:
            given = {k: (0 if v is None and kinds.get(k) in _ZERO_WHEN_EMPTY else v) for k, v in values.items()}
            return method(key, **transition.arguments(given), **extra)

        return self.step_fields(action, view), call

    def run_step(self, action: str) -> Any:
        view = self.step_case()
        assert isinstance(self, QWidget)
        if view is None:
            return None
        fields, call = self._step(action, view)
        label = self.transitions[action].label(self.context.language)
        # The dialog runs the step itself: a refusal (a room taken, say) is shown there and
        # the clerk's entries stay.  A patched `ask` (tests) hands back values instead.
        submitted: dict[str, Any] = {}
        values = StepDialog.ask(label, fields, self, today=self.step_today(), submit=call, submitted=submitted)
        if values is None:
            return None
        try:
            outcome = submitted["outcome"] if "outcome" in submitted else call(values)
        except (UserError, StorageError) as err:
            if is_changed_elsewhere(err) and not isinstance(err, SavedElsewhere):
                self.reload()  # the case as the other desk left it, before the clerk tries again
            self.status.setText(err.message(self.context.language))
            self.status.setStyleSheet("color: #b00020")
            return None
        self.status.setStyleSheet("")
        self.status.setText(self.recorded_text(action))
        self.step_recorded(action, outcome)
        return outcome

    def recorded_text(self, action: str) -> str:
        """The status line after a step went through."""
        raise NotImplementedError
