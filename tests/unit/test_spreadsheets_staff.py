"""The roster in Excel: template, import with a per-row report, full export; training summary export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.errors import Cancelled, UserError
from app.kernel.progress import CancelToken
from app.privacy import Sensitive, mask
from app.staff import spreadsheet as sheets
from app.staff.models import Certificate, Officer
from app.staff.service import StaffService
from app.training.service import TrainingService
from tests.fixtures.identities import make_id

GOOD_ID = make_id("520102", "19880315", 31)
OTHER_ID = make_id("520103", "19910720", 44)


@pytest.fixture
def staff(store, admin_actor) -> StaffService:
    return StaffService(store, admin_actor)


def counts(store) -> tuple[int, int]:
    with store.read() as session:
        return (int(session.scalar(select(func.count()).select_from(Officer)) or 0),
                int(session.scalar(select(func.count()).select_from(Certificate)) or 0))


def filled_template(tmp_path: Path, rows: list[list]) -> Path:
    path = tmp_path / "roster.xlsx"
    sheets.write_template(path)
    wb = load_workbook(path)
    ws = wb[sheets.SHEET_NAME]
    labels = [c.value for c in ws[1]]
    for values in rows:
        ws.append([values.get(label) for label in labels] if isinstance(values, dict) else values)
    wb.save(path)
    return path


def test_template_has_chinese_headers_and_help(tmp_path) -> None:
    path = tmp_path / "template.xlsx"
    sheets.write_template(path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["执法人员", "说明"]
    headers = [c.value for c in wb["执法人员"][1]]
    assert headers[:3] == ["姓名", "身份证号", "性别"] and "证件编号" in headers and "有效期至" in headers
    assert wb["说明"]["A2"].value == "姓名"


def test_import_reports_bad_rows_and_saves_the_rest(tmp_path, staff, store) -> None:
    staff.add_certificate(staff.create({"name": "已登记"}).id,
                          {"number": "TAKEN-1", "issue_date": date(2020, 1, 1), "expiry_date": date(2025, 1, 1)})
    rows = [
        {"姓名": "张伟", "身份证号": GOOD_ID, "单位": "某区人社局", "科室": "劳动保障监察大队", "编制类型": "参公",
         "法律职业资格": "是", "证件类型": "劳动保障监察证", "证件编号": "52010001", "发证机关": "某省人社厅",
         "发证日期": date(2021, 3, 1), "有效期至": "2026-02-28", "执法类别": "劳动保障监察"},
        {"姓名": "王芳", "身份证号": OTHER_ID},  # no certificate: fine
        {"姓名": "李娜", "证件编号": "52010002", "发证日期": "2023-05-01", "有效期至": "2023-04-30"},  # row 4
        {"姓名": "赵强", "证件编号": "52010001", "发证日期": "2021-03-01", "有效期至": "2026-02-28"},  # dup in file
        {"姓名": "陈静", "身份证号": GOOD_ID[:-1] + ("0" if GOOD_ID[-1] != "0" else "1")},  # bad ID
        {"姓名": "刘洋", "证件编号": "TAKEN-1", "发证日期": "2021-03-01", "有效期至": "2026-02-28"},  # taken
        {"姓名": "孙悦", "发证日期": "不是日期"},
        {"姓名": "", "单位": "某区人社局"},  # no name
        {"姓名": "周敏", "编制类型": "合同工"},
    ]
    path = filled_template(tmp_path, rows)
    total, records = sheets.read_records(path)
    report = staff.import_records(records, total=total)
    refused = {p.row: (p.code, p.message()) for p in report.refused}
    assert report.imported == 2
    assert sorted(refused) == [4, 5, 6, 7, 8, 9, 10]
    assert refused[4][0] == "staff.expiry_before_issue"
    assert refused[5] == ("import.duplicate_in_file", "与本文件第2行重复。")
    assert refused[6][0] == "id_no.checksum"
    assert refused[7] == ("staff.duplicate_certificate", "证件编号TAKEN-1已登记在已登记名下。")
    assert refused[8][0] == "import.bad_value" and "发证日期" in refused[8][1]
    assert refused[9][0] == "staff.name_required"
    assert refused[10][0] == "import.bad_value" and "编制类型" in refused[10][1]
    assert counts(store) == (3, 2)  # the refused rows left nothing behind
    zhang = next(r for r in staff.query().page(0, 10) if r.name == "张伟")
    assert zhang.staffing_type == "managed_as_civil_servant" and zhang.has_legal_qualification
    assert zhang.certificate.cert_type == "labour_inspection" and zhang.certificate.expiry_date == date(2026, 2, 28)


def test_cancelled_import_saves_nothing(tmp_path, staff, store) -> None:
    path = filled_template(tmp_path, [{"姓名": f"人员{i}"} for i in range(30)])
    total, records = sheets.read_records(path)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        staff.import_records(records, total=total, cancel=token, batch_size=10)
    assert counts(store) == (0, 0)


def test_wrong_template_and_not_a_workbook(tmp_path) -> None:
    wb = Workbook()
    wb.active.append(["名字", "电话"])
    wrong = tmp_path / "wrong.xlsx"
    wb.save(wrong)
    with pytest.raises(UserError) as caught:
        sheets.read_records(wrong)
    assert caught.value.code == "import.wrong_template"
    text = tmp_path / "a.xlsx"
    text.write_text("hello")
    with pytest.raises(UserError) as caught:
        sheets.read_records(text)
    assert caught.value.code == "import.text_not_workbook"  # a text file, named so


def test_export_is_masked_one_line_per_certificate(tmp_path, staff) -> None:
    officer = staff.create({"name": "张伟", "id_no": GOOD_ID, "unit": "某区人社局"})
    staff.add_certificate(officer.id, {"cert_type": "labour_inspection", "number": "A-1", "issue_date": date(2019, 1, 1),
                                       "expiry_date": date(2023, 12, 31)})
    staff.add_certificate(officer.id, {"number": "B-2", "issue_date": date(2020, 1, 1), "expiry_date": date(2030, 1, 1)})
    staff.create({"name": "王芳"})
    lines = staff.certificates_for_export(as_of=date(2024, 3, 1))
    path = tmp_path / "export.xlsx"
    assert sheets.export_roster(lines, path, as_of=date(2024, 3, 1)) == 3
    ws = load_workbook(path)["执法人员名册"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "姓名" and rows[0][-2] == "状态（2024-03-01）"  # no database id (issue 17)
    body = {(r[0], r[12]): r for r in rows[1:]}
    assert body[("张伟", "B-2")][1] == mask(Sensitive.ID_NO, GOOD_ID)
    assert body[("张伟", "B-2")][-2] == "有效"
    assert body[("张伟", "A-1")][-2] == "过期"
    assert body[("王芳", None)][-2] == "无证"
    assert not any(GOOD_ID in str(v) for r in rows for v in r)
    assert not list(tmp_path.glob(".*.part"))


def test_training_summary_export(tmp_path, store, admin_actor) -> None:
    from app.training.spreadsheet import export_training_summary

    staff = StaffService(store, admin_actor)
    ids = [staff.create({"name": n}).id for n in ("张伟", "王芳")]
    training = TrainingService(store, admin_actor)
    training.create_session({"kind": "party_group", "held_on": date(2023, 3, 1), "topic": "学习宪法", "hours": "45"}, ids[:1])
    training.create_exam({"title": "法律知识考试", "held_on": date(2023, 11, 1), "pass_mark": 60},
                         [{"officer_id": ids[0], "attended": True, "score": 90}])
    summary = training.year_summary(2023)
    sessions = training.sessions(year=2023, descending=False)
    path = tmp_path / "summary.xlsx"
    export_training_summary(summary, path, sessions=sessions.page(0, 100))
    wb = load_workbook(path)
    assert wb.sheetnames == ["年度汇总", "个人学时", "考试", "学习培训记录"]
    overview = [r for r in wb["年度汇总"].iter_rows(values_only=True)]
    assert ("党组中心组学习", 1, 0, 45) in [tuple(r[:4]) for r in overview]
    persons = list(wb["个人学时"].iter_rows(values_only=True))
    # the roster's pinyin order: 王芳 (wang) before 张伟 (zhang)
    assert persons[2][1] == "张伟" and persons[2][4] == 45 and persons[2][6] == "已完成"
    assert persons[1][1] == "王芳" and persons[1][6] == "差40学时"
    exams = list(wb["考试"].iter_rows(values_only=True))
    assert exams[1][-2:] == (1, 1)  # 100 %, as a number formatted as a percentage
    assert wb["考试"]["H2"].number_format == "0.00%"
