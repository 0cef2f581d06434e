"""Screenshots of the windows, offscreen, with Chinese sample data: look at them.

    python tests/tools/screenshots.py [OUT_DIR] [--lang en]     (default: a new temporary folder, printed; Chinese)

Writes main_window.png, parties_window.png, person_form_id_error.png,
person_form_edit_masked.png, employer_form.png, import_report.png and
progress_dialog.png.  Runs on
the offscreen platform with a fresh database in a temporary folder, so it also
shows that Chinese renders with the shipped font on a machine without CJK fonts.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PEOPLE = [
    ("张伟", "110101198503070031", "13812345678", "北京市东城区东华门街道南池子大街8号", True),
    ("王芳", "520102199211230046", "13985012345", "贵州省贵阳市南明区花果园街道一期3栋", True),
    ("李娜", "440305198807150023", "13600001111", "广东省深圳市南山区粤海街道科技园", False),
    ("刘洋", "510104199001010018", "", "四川省成都市锦江区春熙路街道", True),
    ("陈静", "330106197912250026", "0571-87654321", "浙江省杭州市西湖区北山街道", False),
    ("欧阳晓明", "350203200002290017", "15000002222", "福建省厦门市思明区鹭江街道", True),
]
EMPLOYERS = [
    ("贵州某某建筑工程有限公司", "91520102MA6DKX4J0", "enterprise", "赵建国"),
    ("南明区老王快餐店", "92520102MA6E00012", "individual_business", "王德福"),
    ("某某劳务分包队（包工头孙某）", "", "contractor", "孙某"),
]


def _uscc(body: str) -> str:
    from stdnum.cn import uscc

    return body + uscc.calc_check_digit(body + "0") if body else ""


def _id(number: str) -> str:
    from stdnum.cn import ric

    return number[:17] + ric.calc_check_digit(number)


def type_text(widget, text: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path, language: str = "zh_CN") -> int:
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="renshe-shots-"))
    os.environ["RENSHE_DATA_DIR"] = str(data)

    from app.accounts.actor import Actor, setup_actor
    from app.kernel.import_report import ImportReport, RowProblem
    from app.parties.service import PartyService
    from app.store import open_store
    from ui.application import install_font, install_translators, make_application
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.parties.import_report import ImportReportDialog
    from ui.tasks import TaskRunner

    app = make_application()
    family = install_font(app)
    install_translators(app, language)
    store = open_store(f"sqlite:///{data / 'shots.db'}")
    setup = PartyService(store, setup_actor())
    for name, id_no, phone, address, migrant in PEOPLE:
        setup.create({"kind": "person", "name": name, "id_no": _id(id_no), "phone": phone,
                      "address": address, "is_migrant_worker": migrant})
    for name, code, org_type, rep in EMPLOYERS:
        setup.create({"kind": "org", "name": name, "uscc": _uscc(code), "org_type": org_type,
                      "legal_rep": rep, "phone": "0851-85551234", "address": "贵州省贵阳市南明区"})

    admin = Actor(username="admin", user_id=1, roles=frozenset({"admin"}))
    context = AppContext(store=store, actor=admin, language=language, error_windows=False,
                         tasks=TaskRunner(language=language, error_windows=False))
    window = MainWindow(context)
    window.resize(1280, 760)
    window.show()
    settle(app)
    parties = window.open_area("parties")
    parties.view.select_ids([parties.model.row_at(1).id])
    settle(app)
    window.grab().save(str(out / "main_window.png"))
    parties.grab().save(str(out / "parties_window.png"))

    form = parties.add_person()
    type_text(form.inputs["name"], "赵小红")
    type_text(form.inputs["id_no"], "11010119900307005X")  # wrong check character
    type_text(form.inputs["phone"], "13912345678")
    settle(app)
    form.adjustSize()
    settle(app)
    form.grab().save(str(out / "person_form_id_error.png"))
    form.reject()

    parties.view.select_ids([parties.model.row_at(0).id])
    form = parties.edit_selected()
    assert form is not None
    settle(app)
    form.adjustSize()
    form.grab().save(str(out / "person_form_edit_masked.png"))
    form.reject()

    form = parties.add_employer()
    type_text(form.inputs["name"], "某某物业管理有限公司")
    type_text(form.inputs["uscc"], "91520102MA6DKX4J01")
    settle(app)
    form.adjustSize()
    form.grab().save(str(out / "employer_form.png"))
    form.reject()

    report = ImportReport(total=5, imported=3, refused=[
        RowProblem(4, "id_no.checksum", "id_no", {"expected": "X"}),
        RowProblem(6, "party.duplicate_id_no", "id_no", {"name": "张伟", "number": 1}),
    ])
    dialog = ImportReportDialog(report, language, window)
    dialog.show()
    settle(app)
    dialog.grab().save(str(out / "import_report.png"))
    dialog.close()

    from ui.progress import ProgressDialog

    progress = ProgressDialog(parties.tr("Importing parties"), window)
    progress.show()
    progress.report(1500, 6000)
    settle(app)
    progress.grab().save(str(out / "progress_dialog.png"))
    progress.close()

    window.close()
    store.dispose()
    print(f"font: {family}")
    for png in sorted(out.glob("*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path,
                        help="the folder for the PNGs (default: a new temporary folder, printed)")
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    options = parser.parse_args()
    out = options.out or Path(tempfile.mkdtemp(prefix="renshe-shots-"))
    print(out)
    sys.exit(main(out, options.lang))
