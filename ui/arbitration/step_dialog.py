"""The step dialog, shared by every case page: it lives in ui/widgets/step_dialog.py."""

from ui.widgets.step_dialog import Field as Field
from ui.widgets.step_dialog import StepDialog as StepDialog
from ui.widgets.step_dialog import from_qdate as from_qdate
from ui.widgets.step_dialog import to_qdate as to_qdate
