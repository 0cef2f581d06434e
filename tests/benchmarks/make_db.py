"""Build the million-person database the list benchmarks read.

    python -m tests.benchmarks.make_db ~/.cache/renshe-desk/benchmarks/parties-1m.db [--people N]

The rows are realistic where it matters for speed: common surnames weighted as
in China (so 张伟 is common, as it is in reality), one or two given-name
characters from a weighted list, valid and unique 18-character ID numbers
(GB 11643 check character, real region codes valid for the birth year), phone
numbers, addresses, and some employers with valid credit codes (GB 32100).

This is a *read* benchmark: rows go in through SQLAlchemy Core `executemany`
in big batches, deliberately NOT through the ORM, the unit of work or the
audit log (a million audited inserts would take an hour and measure nothing
we time here).  The search index is filled with the program's own
`app.store.search.index_terms`, so searches see exactly what the program writes.

The conftest runs this in a child process, so the memory the build uses does
not count in the benchmark process's peak RSS.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.sorting import name_sort_key

BUILDER_VERSION = 2  # bump when the data below changes: the cache key includes it
PEOPLE = 1_000_000
EMPLOYERS = 20_000
BATCH = 50_000
SEED = 20261129

# (surname, share of the population in per mille) — the common ones, roughly as
# the 2020 census ranks them; the rest of the list shares what is left.
SURNAMES = [
    ("王", 71), ("李", 70), ("张", 67), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 22),
    ("赵", 20), ("吴", 20), ("周", 19), ("徐", 15), ("孙", 15), ("马", 13), ("朱", 13),
    ("胡", 11), ("郭", 11), ("何", 10), ("高", 10), ("林", 10), ("罗", 9), ("郑", 8),
    ("梁", 8), ("谢", 6), ("宋", 5), ("唐", 5), ("许", 5), ("韩", 4), ("冯", 4), ("邓", 4),
    ("曹", 4), ("彭", 4), ("曾", 4), ("肖", 4), ("田", 4), ("董", 3), ("袁", 3), ("潘", 3),
    ("于", 3), ("蒋", 3), ("蔡", 3), ("余", 3), ("杜", 3), ("叶", 3), ("程", 3), ("苏", 3),
    ("魏", 3), ("吕", 2), ("丁", 2), ("任", 2), ("沈", 2), ("姚", 2), ("卢", 2), ("姜", 2),
    ("崔", 2), ("钟", 2), ("谭", 2), ("陆", 2), ("汪", 2), ("范", 2), ("金", 2), ("石", 2),
    ("廖", 2), ("贾", 2), ("夏", 2), ("韦", 2), ("付", 2), ("方", 2), ("白", 2), ("邹", 2),
    ("孟", 2), ("熊", 2), ("秦", 2), ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("闫", 2),
    ("段", 2), ("雷", 2), ("侯", 2), ("龙", 2), ("史", 2), ("陶", 1), ("黎", 1), ("贺", 1),
    ("顾", 1), ("毛", 1), ("郝", 1), ("龚", 1), ("邵", 1), ("万", 1), ("钱", 1), ("严", 1),
    ("覃", 1), ("武", 1), ("戴", 1), ("莫", 1), ("孔", 1), ("向", 1), ("汤", 1), ("欧阳", 1),
]
# Given-name characters, most frequent first; weights fall off like a Zipf law.
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂华玉兰红建国文辉鹏飞斌宇浩凯健俊帆帅旭宁"
    "龙林欢阳佳琳晨雪梅莉燕萍婷倩玲丹波鑫海峰云亮成宏志新东金春荣德兵永光福生子天思雨嘉欣"
    "一诗梓涵泽睿博晓小立中庆松昌双长远凤翠琴慧颖婉瑶蕾莹晶巧美爽秋菊珍香月青振家荣发良才"
)
GIVEN_WEIGHTS = [1.0 / (rank + 1) ** 0.7 for rank in range(len(GIVEN))]
# Region codes of persons' ID numbers: Guiyang and Guizhou first (where the
# bureau is), then other provinces people come from.  Each is used only for
# the birth years in which it existed (stdnum's table knows).
REGIONS = [
    ("520102", 12), ("520103", 12), ("520111", 6), ("520112", 4), ("520113", 4),
    ("520121", 3), ("520122", 3), ("520123", 3), ("520181", 3), ("520302", 3),
    ("522101", 4), ("522401", 3), ("522601", 3), ("522701", 3), ("110105", 2),
    ("110108", 2), ("310104", 2), ("320102", 1), ("330106", 1), ("430102", 2),
    ("440106", 2), ("500103", 2), ("510104", 2), ("530102", 2), ("420106", 1),
]
STREETS = ["中华路", "延安路", "瑞金路", "都司路", "遵义路", "宝山路", "北京路", "花溪大道", "解放路", "市府路", "新华路", "沙冲路"]
DISTRICTS = ["南明区", "云岩区", "花溪区", "乌当区", "白云区", "观山湖区"]
TRADES = ["建筑工程", "劳务", "建材", "装饰", "餐饮", "物业管理", "保安服务", "运输", "电子", "服装", "食品", "家政服务"]
ORG_KINDS = ["enterprise"] * 8 + ["individual_business", "contractor"]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check_character(first17: str) -> str:
    """GB 11643: the 18th character of a resident ID number."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def valid_years(region: str, years: range) -> list[int]:
    from stdnum.cn import ric

    good = []
    for year in years:
        body = f"{region}{year}0615001"
        try:
            ric.get_birth_place(body + id_check_character(body))
        except Exception:  # noqa: BLE001 - stdnum says no: the county did not exist then
            continue
        good.append(year)
    return good


def people(rng: random.Random, count: int, today: date):
    """Yield `count` person rows (dicts for Core insert) with unique ID numbers."""
    surnames = [s for s, _ in SURNAMES]
    surname_weights = [w for _, w in SURNAMES]
    region_years = [(r, valid_years(r, range(1950, 2009))) for r, _ in REGIONS]
    region_weights = [w for _, w in REGIONS]
    seen: set[str] = set()
    stamp = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    produced = 0
    while produced < count:
        n = min(BATCH, count - produced)
        sur = rng.choices(surnames, surname_weights, k=n)
        g1 = rng.choices(GIVEN, GIVEN_WEIGHTS, k=n)
        g2 = rng.choices(GIVEN, GIVEN_WEIGHTS, k=n)
        regs = rng.choices(region_years, region_weights, k=n)
        for i in range(n):
            # About a third of given names are one character (张伟), the rest two (张伟民).
            name = sur[i] + (g1[i] if rng.random() < 0.32 else g1[i] + g2[i])
            region, years = regs[i]
            while True:
                birth = date(rng.choice(years), 1, 1) + timedelta(days=rng.randrange(365))
                if birth > today:
                    continue
                body = f"{region}{birth:%Y%m%d}{rng.randrange(1000):03d}"
                number = body + id_check_character(body)
                if number not in seen:
                    seen.add(number)
                    break
            yield {
                "kind": "person",
                "name": name,
                "name_sort": name_sort_key(name, person=True),
                "id_type": "resident_id",
                "id_no": number,
                "sex": "M" if int(number[16]) % 2 else "F",
                "birth_date": birth,
                "is_migrant_worker": rng.random() < 0.4,
                "uscc": None,
                "org_type": None,
                "legal_rep": None,
                "phone": f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}",
                "address": f"贵州省贵阳市{rng.choice(DISTRICTS)}{rng.choice(STREETS)}{rng.randrange(1, 400)}号",
                "uuid": uuid.UUID(int=rng.getrandbits(128), version=4),
                "version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
        produced += n


def employers(rng: random.Random, count: int):
    """Yield employer rows with valid, unique unified social credit codes."""
    from stdnum.cn import uscc

    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    seen: set[str] = set()
    stamp = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    surnames = [s for s, _ in SURNAMES]
    for i in range(count):
        while True:
            region = rng.choice(["520102", "520103", "520111", "520112", "520113", "520115"])
            body = "91" + region + "".join(rng.choice(alphabet) for _ in range(9))
            code = body + uscc.calc_check_digit(body + "0")
            if code not in seen:
                seen.add(code)
                break
        brand = rng.choice(GIVEN[:60]) + rng.choice(GIVEN[:60])
        trade = rng.choice(TRADES)
        name = f"贵州{brand}{trade}有限公司" if i % 5 else f"贵阳市{rng.choice(DISTRICTS)}{brand}{trade}店"
        yield {
            "kind": "org",
            "name": name,
            "name_sort": name_sort_key(name),
            "id_type": None,
            "id_no": None,
            "sex": None,
            "birth_date": None,
            "is_migrant_worker": False,
            "uscc": code,
            "org_type": rng.choice(ORG_KINDS),
            "legal_rep": rng.choice(surnames[:30]) + rng.choice(GIVEN[:50]),
            "phone": f"0851-{rng.randrange(10**7, 10**8)}",
            "address": f"贵州省贵阳市{rng.choice(DISTRICTS)}{rng.choice(STREETS)}{rng.randrange(1, 400)}号",
            "uuid": uuid.UUID(int=rng.getrandbits(128), version=4),
            "version": 1,
            "created_at": stamp,
            "updated_at": stamp,
        }


def build(path: Path, *, people_count: int = PEOPLE, employer_count: int = EMPLOYERS) -> None:
    """Create the database at `path` (which must not exist): migrate, then fill."""
    from sqlalchemy import event, insert, text

    from app.parties.models import Party
    from app.store.engine import make_engine
    from app.store.migrate import upgrade
    from app.store.search import FTS_TABLE, index_terms

    url = f"sqlite:///{path}"
    upgrade(url, backup_first=None)  # the schema the program creates, by its own migrations
    engine = make_engine(url)

    @event.listens_for(engine, "connect")
    def _bulk_pragmas(dbapi_connection, _record):
        # Build-time only: nothing to lose if the build dies, it is started again.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-400000")
        cursor.close()

    rng = random.Random(SEED)
    party = Party.__table__
    add_party = insert(party)
    add_terms = text(f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (:rowid, :terms)")
    started = time.perf_counter()
    rows = itertools.chain(people(rng, people_count, date(2026, 11, 29)), employers(rng, employer_count))
    next_id = 1
    done = 0
    with engine.begin() as connection:
        while True:
            batch = list(itertools.islice(rows, BATCH))
            if not batch:
                break
            for row in batch:  # explicit ids, so the search rows can name them
                row["id"] = next_id
                next_id += 1
            connection.execute(add_party, batch)
            connection.execute(
                add_terms,
                [
                    {"rowid": r["id"], "terms": index_terms(r["name"], r["id_no"], r["uscc"])}
                    for r in batch
                ],
            )
            done += len(batch)
            print(f"  {done:>9,} rows  {time.perf_counter() - started:6.1f} s", file=sys.stderr)
        # Merge the FTS segments into one b-tree, as a long-lived database ends up.
        connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--employers", type=int, default=EMPLOYERS)
    args = parser.parse_args(argv)
    if args.path.exists():
        parser.error(f"{args.path} exists")
    args.path.parent.mkdir(parents=True, exist_ok=True)
    build(args.path, people_count=args.people, employer_count=args.employers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
