"""The PDF base and the parties register PDF: embedded CJK font, masking, paging."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import PageBreak, Paragraph, Table

from app.documents import base
from app.documents.base import (
    LANDSCAPE,
    PORTRAIT,
    BoldParagraph,
    OfficialDocument,
    TableColumn,
    TablePages,
    chinese_date,
    signature_block,
)
from app.errors import Cancelled
from app.kernel.progress import CancelToken
from app.parties.documents import COLUMNS, write_party_register_pdf
from app.parties.service import PartyService
from tests.conftest import make_actor
from tests.fixtures.identities import chinese_name, org_codes, person_ids

PRINTED_ON = date(2026, 3, 9)


def masked(id_no: str) -> str:
    return id_no[:6] + "********" + id_no[-4:]


def pdf_text(path: Path) -> list[str]:
    """Each page's text, runs of white space made single spaces (the footer's
    "共 y 页" is a separate form, extracted on its own line)."""
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


def font_names(path: Path) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), "the TrueType font is embedded"
            names.add(str(font["/BaseFont"]))
    return names


@pytest.fixture(scope="module")
def people() -> list[tuple[str, str]]:
    return [(chinese_name(i), n) for i, n in enumerate(person_ids(290))]


@pytest.fixture
def filled(store, people):
    service = PartyService(store, make_actor("intake"))
    records = [
        (i, {"kind": "person", "name": name, "id_no": id_no, "phone": f"1390851{i:04d}",
             "address": f"贵州省贵阳市南明区花果园街道{i}号", "is_migrant_worker": i % 3 == 0})
        for i, (name, id_no) in enumerate(people)
    ]
    records += [
        (1000 + j, {"kind": "org", "name": f"贵州黔建第{j}建筑劳务有限公司", "uscc": code, "org_type": "enterprise",
                    "legal_rep": "李建国", "address": f"贵州省贵阳市南明区遵义路{j}号"})
        for j, code in enumerate(org_codes(12))
    ]
    report = service.import_records(records, total=len(records))
    assert not report.refused
    return service


def test_register_of_300_parties_prints_masked_chinese_text_with_the_embedded_font(
    tmp_path: Path, filled, people
) -> None:
    out = tmp_path / "名册.pdf"
    progress: list[tuple[int, int]] = []
    printed = write_party_register_pdf(
        filled.query(), out, printed_on=PRINTED_ON, progress=lambda d, t: progress.append((d, t))
    )
    assert printed == 302
    assert progress[0] == (0, 302) and progress[-1] == (302, 302)

    pages = pdf_text(out)
    assert len(pages) > 5
    text = "\n".join(pages)
    assert "当事人名册" in pages[0]
    assert "打印日期：2026年3月9日" in pages[0]
    assert "共 302 条" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
        assert "证件号码/信用代码" in page  # the header row is repeated on every page
    assert "序号" in pages[0] and "编号" not in text  # lines are numbered 1…302; no database id (issue 17)
    flat = re.sub(r"\s", "", text)  # cells wrap long names over lines
    for name, id_no in people:
        assert name in flat
        assert masked(id_no) in flat
        assert id_no not in flat
    assert "139****0001" in flat and "13908510001" not in flat
    assert "贵州黔建第0建筑劳务有限公司" in flat
    for code in org_codes(12):
        assert code in flat  # an employer's credit code is printed in full

    names = font_names(out)
    assert names, "text is drawn with a font resource"
    for name in names:
        # A subset (ABCDEF+ prefix) of the shipped font; never STSong-Light or a base-14 font.
        assert re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", name), name
    metadata = PdfReader(out).metadata
    assert metadata is not None and metadata.title == "当事人名册"


def test_register_of_a_filtered_query_and_a_custom_title(tmp_path: Path, filled) -> None:
    out = tmp_path / "orgs.pdf"
    assert write_party_register_pdf(filled.query(kind="org"), out, title="用人单位名册") == 12
    (page,) = pdf_text(out)
    assert "用人单位名册" in page
    assert "共 12 条" in page
    assert "第 1 页 共 1 页" in page


def test_register_of_nothing_is_one_page_with_the_header(tmp_path: Path, store) -> None:
    out = tmp_path / "empty.pdf"
    assert write_party_register_pdf(PartyService(store, make_actor("intake")).query(), out) == 0
    (page,) = pdf_text(out)
    assert "共 0 条" in page and "姓名/名称" in page


def test_cancelled_register_leaves_no_file(tmp_path: Path, filled) -> None:
    folder = tmp_path / "pdf"
    folder.mkdir()
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        write_party_register_pdf(filled.query(), folder / "x.pdf", progress=progress, cancel=token)
    assert list(folder.iterdir()) == []


def test_register_streams_from_the_query_in_pages(tmp_path: Path, filled, monkeypatch) -> None:
    from app.parties import documents as party_register

    monkeypatch.setattr(party_register, "READ_PAGE_SIZE", 50)
    query = filled.query()
    windows: list[tuple[int, int]] = []
    page = query.page

    def recording_page(offset: int, limit: int):
        windows.append((offset, limit))
        return page(offset, limit)

    monkeypatch.setattr(query, "page", recording_page)
    write_party_register_pdf(query, tmp_path / "r.pdf")
    assert windows == [(offset, 50) for offset in range(0, 302, 50)]


# ---------------------------------------------------------------- the base
def test_table_pages_make_one_table_per_page_with_the_header_repeated() -> None:
    columns = [TableColumn("序号", 1, "center"), TableColumn("姓名", 2), TableColumn("备注", 6)]
    pages = TablePages(columns, PORTRAIT)
    assert sum(pages.col_widths) == pytest.approx(PORTRAIT.frame_width)
    rows = [[i, chinese_name(i), "很长的备注" * (i % 7)] for i in range(400)]
    flowables = list(pages.flowables(rows, first_page_space=PORTRAIT.frame_height / 2))
    tables = [f for f in flowables if isinstance(f, Table)]
    breaks = [f for f in flowables if isinstance(f, PageBreak)]
    assert len(tables) > 3 and len(breaks) == len(tables) - 1
    assert all(type(f) in (Table, PageBreak) for f in flowables)  # never LongTable
    assert [isinstance(f, Table) for f in flowables] == [i % 2 == 0 for i in range(len(flowables))]
    assert sum(len(t._cellvalues) - 1 for t in tables) == 400
    for table in tables:
        assert table.repeatRows == 1
        assert table._cellvalues[0][1].text == "姓名"
        _, height = table.wrap(PORTRAIT.frame_width, PORTRAIT.frame_height)
        assert height <= PORTRAIT.frame_height
    _, first_height = tables[0].wrap(PORTRAIT.frame_width, PORTRAIT.frame_height)
    assert first_height <= PORTRAIT.frame_height / 2


def test_register_columns_fit_the_landscape_frame() -> None:
    pages = TablePages(COLUMNS, LANDSCAPE)
    assert sum(pages.col_widths) == pytest.approx(LANDSCAPE.frame_width)
    # A masked ID number and a credit code each stay on one line.
    one_line = pages.row_height(pages.row_cells(["1"] * 11))
    for number in ("110105********002X", "91520102MA6D00017K"):
        cells = pages.row_cells(["1", "个人", "张伟", "居民身份证", number, "男", "1990-01-01", "是", "", "", ""])
        assert pages.row_height(cells) == pytest.approx(one_line)


def test_a_portrait_letter_with_title_body_and_signature_block(tmp_path: Path) -> None:
    doc = OfficialDocument(title="受理通知书", layout=PORTRAIT, header_left="贵阳市南明区劳动人事争议仲裁委员会")
    st = doc.styles
    body = "你（单位）与贵州某建筑劳务有限公司劳动争议一案，本委于2026年3月2日收到仲裁申请，经审查符合受理条件，决定立案受理。" * 3
    pages = doc.build(
        tmp_path / "受理通知书.pdf",
        [
            BoldParagraph("受理通知书", st["title"]),
            Paragraph("南劳人仲案字〔2026〕第12号", st["subtitle"]),
            Paragraph("张伟：", st["body_flush"]),
            Paragraph(body, st["body"]),
            *signature_block("贵阳市南明区劳动人事争议仲裁委员会", date(2026, 3, 5), st),
        ],
    )
    assert pages == 1
    (page,) = pdf_text(tmp_path / "受理通知书.pdf")
    for expected in ("受理通知书", "决定立案受理", "贵阳市南明区劳动人事争议仲裁委员会", "2026年3月5日", "第 1 页 共 1 页"):
        assert expected in page
    assert chinese_date(date(2026, 10, 1)) == "2026年10月1日"
    assert all("WenQuanYi" in name for name in font_names(tmp_path / "受理通知书.pdf"))


def test_a_failed_build_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "old.pdf"
    target.write_bytes(b"%PDF old")

    def story():
        yield Paragraph("第一段", base.document_styles()["body"])
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        OfficialDocument(title="x").build(target, story())
    assert target.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def test_fonts_register_once() -> None:
    assert base.register_fonts() == base.register_fonts() == "WenQuanYi"


def test_chinese_punctuation_never_starts_a_line() -> None:
    from reportlab.platypus import paragraph

    base.register_fonts()
    style = base.document_styles()["body_flush"]
    text = "经审查符合受理条件，决定立案受理；特此通知：" * 6
    for width in range(150, 420, 7):
        para = Paragraph(text, style)
        para.wrap(width, 10_000)
        assert para.blPara.kind == 0  # plain lines: (extra space, [text])
        starts = [line[1][0][:1] for line in para.blPara.lines]
        assert len(starts) > 1
        assert not set(starts) & set("，；：。"), (width, starts)
    from reportlab.lib import textsplit

    assert "，" in paragraph.ALL_CANNOT_START and "，" in textsplit.ALL_CANNOT_START
