"""`demo --year 2023 [--seed N] [--scale N] --db URL`: fill an empty database with the demo district.

The district's year is made through the services (app/demo/district.py): the
set-up actor's only act is the first administrator's account; that
administrator makes one account per role, and each area's records are then
written by the account of its role, so everything is audited like a clerk's
work.  At the end the yearly report's figures and the demo accounts (with
their fixed demo password) are printed.  A database that holds anything is
refused (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli import Subcommands, add_standard_options, open_store_for, print_json, terminal_progress

LABELS_EN = {
    "账号": "accounts", "执法人员": "staff", "学法培训": "study and exams", "用人单位": "employers",
    "在建项目": "projects", "投诉举报": "complaints", "调解": "mediation", "仲裁收案": "arbitration intake",
    "仲裁办案": "arbitration cases",
}


def register(subparsers: Subcommands) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="fill an EMPTY database with a demo district's year (accounts, staff, projects, cases) and print its figures",
    )
    demo.add_argument("--year", type=int, default=2023, help="the year to make (default 2023, a past year)")
    demo.add_argument("--seed", type=int, default=None, help="random seed (default: the year); the same seed gives the same data")
    demo.add_argument("--scale", type=int, default=1, help="multiply the cases by N (benchmarks; exact figures only for 1)")
    add_standard_options(demo, user=False)
    demo.set_defaults(handler=_demo)


def _progress(zh: bool) -> Any:
    bars: dict[str, Any] = {}

    def report(label: str, done: int, total: int) -> None:
        shown = label if zh else LABELS_EN.get(label, label)
        if label not in bars:
            bars[label] = terminal_progress(shown)
        bars[label](done, total)

    return report


def _demo(args: argparse.Namespace) -> int:
    from app.accounts.actor import Actor
    from app.demo.district import build_district
    from app.reports.yearly import yearly_figures

    zh = args.language != "en"
    seed = args.seed if args.seed is not None else args.year
    store = open_store_for(args, create=True)
    try:
        result = build_district(store, year=args.year, seed=seed, scale=args.scale, progress=_progress(zh))
        # the figures as the leadership account reads them (read-only)
        leader = next(a for a in result.accounts if a.role == "leadership")
        reader = Actor(username=leader.username, user_id=leader.user_id, roles=frozenset({leader.role}))
        figures = yearly_figures(store, reader, args.year).to_json()
    finally:
        store.dispose()
    accounts = [{"username": a.username, "display_name": a.display_name, "role": a.role, "password": a.password}
                for a in result.accounts]
    if args.json:
        print_json({"year": result.year, "seed": result.seed, "scale": result.scale,
                    "seconds": round(result.seconds, 1), "counts": result.counts, "figures": figures,
                    "accounts": accounts})
        return 0
    out = sys.stdout
    if zh:
        out.write(f"已生成演示数据：{result.year}年度（种子 {result.seed}，倍数 {result.scale}），用时 {result.seconds:.1f} 秒。\n")
        out.write("年度统计（与“统计报表”相同）：\n")
    else:
        out.write(f"Demo district made: year {result.year} (seed {result.seed}, scale {result.scale}) "
                  f"in {result.seconds:.1f} s.\nThe yearly figures (as the report shows them):\n")
    for line in _figure_lines(figures, zh):
        out.write(f"  {line}\n")
    out.write("演示账号（密码为固定的演示密码，正式使用前请删除或修改）：\n" if zh
              else "Demo accounts (a fixed demo password: change or remove them before real use):\n")
    for a in accounts:
        out.write(f"  {a['username']:<10} {a['password']:<12} {a['display_name']}\n")
    return 0


def _figure_lines(f: dict[str, Any], zh: bool) -> list[str]:
    s = f.get("study_sessions", {})
    if zh:
        return [
            f"接到投诉举报线索 {f['complaints_received']} 起；为 {f['workers_recovered']} 名劳动者追回工资 "
            f"{f['wages_recovered_wan_yuan']} 万元（{f['wages_recovered_yuan']} 元）",
            f"在建工程项目 {f['projects_active']} 个，纳入实名制平台 {f['projects_on_platform']} 个；"
            f"“6项制度”达标率 {f['project_compliance_rate']}%",
            f"仲裁接收 {f['arbitration_received']} 件，受理 {f['arbitration_accepted']} 件，不予受理 "
            f"{f['arbitration_not_accepted']} 件，涉案金额 {f['arbitration_amount_wan_yuan']} 万元；"
            f"裁决和调解结案 {f['arbitration_closed_award_or_mediation']} 件，待处理 {f['arbitration_pending']} 件",
            f"“互联网+调解”处理 {f['mediation_online_handled']} 件，调解成功 {f['mediation_online_successful']} 件",
            f"持有效执法证人员 {f['certified_staff']} 人",
            f"党组中心组学习 {s.get('party_group', 0)} 次，全局集中学习 {s.get('bureau_wide', 0)} 次，"
            f"党支部学习 {s.get('party_branch', 0)} 次",
            f"考试参考率 {f['exam_participation_rate']}%，合格率 {f['exam_pass_rate']}%",
        ]
    return [
        f"complaints and leads received {f['complaints_received']}; wages recovered for {f['workers_recovered']} "
        f"workers: {f['wages_recovered_yuan']} yuan",
        f"projects under way {f['projects_active']}, on the real-name platform {f['projects_on_platform']}; "
        f"six-system compliance {f['project_compliance_rate']} %",
        f"arbitration received {f['arbitration_received']}, accepted {f['arbitration_accepted']}, not accepted "
        f"{f['arbitration_not_accepted']}, in dispute {f['arbitration_amount_wan_yuan']} 万元; closed by award or "
        f"mediation {f['arbitration_closed_award_or_mediation']}, pending {f['arbitration_pending']}",
        f"online mediation handled {f['mediation_online_handled']}, successful {f['mediation_online_successful']}",
        f"staff with valid enforcement certificates {f['certified_staff']}",
        f"study sessions: party group {s.get('party_group', 0)}, whole bureau {s.get('bureau_wide', 0)}, "
        f"party branch {s.get('party_branch', 0)}",
        f"exam participation {f['exam_participation_rate']} %, pass rate {f['exam_pass_rate']} %",
    ]
