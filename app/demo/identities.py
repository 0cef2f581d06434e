"""Plausible people and employers for the demo district, from one seeded generator.

Resident ID numbers follow GB 11643 (region, birth date, sequence with the sex
in its parity, check character) and are checked with python-stdnum, which also
knows when each region code existed; credit codes follow GB 32100 with the
check character from python-stdnum.  Every number handed out is unique within
one generator.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from stdnum.cn import ric as _ric
from stdnum.cn import uscc as _uscc

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

# Region codes (县级) that existed for births from 1960 on: Guizhou counties the
# district's migrant workers come from, and a few from neighbouring provinces.
OLD_REGIONS = ("522422", "522622", "522701", "522626", "522428", "520201", "510122")
# Codes assigned later (births from 1988 on): the city's own districts.
CITY_REGIONS = ("520102", "520103", "520111", "520112", "520113")

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
)
# Common surnames first and more often (a rough Zipf weighting).
_SURNAME_WEIGHTS = tuple(1.0 / (i + 8) for i in range(len(SURNAMES)))
GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帅峰林建国志红兵贵忠发顺祥富"
GIVEN_FEMALE = "芳娜秀英敏静丽艳娟霞燕玲桂兰萍婷雪琴梅莉红芬丹倩琳露慧"
GIVEN_ANY = "文德永春海云金成光天正明世德家荣小贵廷仕"

_PLACES = ("贵州", "贵阳", "黔", "筑", "南明", "花溪", "观山湖", "黔南", "遵义", "毕节")
_BRANDS = (
    "鑫源", "宏达", "恒盛", "兴黔", "筑城", "黔通", "鼎盛", "华建", "盛世", "金诚", "安顺达", "龙腾", "众合", "瑞丰",
    "德隆", "新纪元", "博远", "泰和", "永信", "汇通", "中联", "嘉禾", "长城", "东方", "远航", "天成", "富康",
    "兴旺", "美佳", "乐家", "顺达", "和美", "弘毅", "锦程", "高原", "苗岭", "乌江", "红枫", "百花", "云岭",
)
_TRADES = (
    ("建筑劳务有限公司", 5), ("建筑工程有限公司", 3), ("装饰工程有限公司", 3), ("市政工程有限公司", 1),
    ("餐饮管理有限公司", 3), ("物业管理有限公司", 2), ("商贸有限公司", 3), ("家政服务有限公司", 1),
    ("酒店管理有限公司", 1), ("物流有限公司", 2), ("汽车维修服务有限公司", 1), ("教育咨询有限公司", 1),
    ("保安服务有限公司", 1), ("电子科技有限公司", 1), ("食品有限公司", 1), ("美容美发店", 1),
)
_PHONE_PREFIXES = ("138", "139", "135", "136", "150", "151", "158", "182", "187", "188", "185", "186", "189",
                   "177", "199", "130", "131", "133", "153", "180", "181", "191")


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


class IdentityMaker:
    """Names, ID numbers, phones and employers drawn from `rng`; numbers never repeat."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._ids: set[str] = set()
        self._usccs: set[str] = set()
        self._phones: set[str] = set()
        self._org_names: set[str] = set()

    # ------------------------------------------------------------ people
    def name(self, male: bool) -> str:
        rng = self.rng
        surname = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
        pool = GIVEN_MALE if male else GIVEN_FEMALE
        if rng.random() < 0.35:
            return surname + rng.choice(pool)
        first = rng.choice(GIVEN_ANY + pool)
        return surname + first + rng.choice(pool)

    def id_no(self, birth: date, male: bool) -> str:
        rng = self.rng
        regions = CITY_REGIONS + OLD_REGIONS if birth.year >= 1988 else OLD_REGIONS
        while True:
            region = rng.choice(regions)
            seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
            first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
            number = first17 + id_check_char(first17)
            if number not in self._ids and _ric.is_valid(number):
                self._ids.add(number)
                return number

    def phone(self) -> str:
        while True:
            number = self.rng.choice(_PHONE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def person(self, year: int, *, min_age: int = 19, max_age: int = 58, migrant: bool = True) -> dict[str, object]:
        """Party fields of one working person aged min_age..max_age in `year`."""
        rng = self.rng
        male = rng.random() < (0.78 if migrant else 0.55)
        age = min(max_age, max(min_age, int(rng.triangular(min_age, max_age, 38))))
        birth = date(year - age, 1, 1) + timedelta(days=rng.randrange(365))
        fields: dict[str, object] = {
            "kind": "person",
            "name": self.name(male),
            "id_no": self.id_no(birth, male),
            "is_migrant_worker": migrant,
        }
        if rng.random() < 0.85:
            fields["phone"] = self.phone()
        return fields

    # ------------------------------------------------------------ employers
    def uscc(self, region: str = "520102") -> str:
        rng = self.rng
        while True:
            body = "".join(rng.choice(_USCC_ALPHABET) for _ in range(9))
            first17 = f"91{region}{body}"
            number = first17 + _uscc.calc_check_digit(first17)
            if number not in self._usccs and _uscc.is_valid(number):
                self._usccs.add(number)
                return number

    def org_name(self, trade: str | None = None) -> str:
        rng = self.rng
        names, weights = zip(*_TRADES, strict=True)
        while True:
            chosen = trade or rng.choices(names, weights=weights)[0]
            name = rng.choice(_PLACES) + rng.choice(_BRANDS) + chosen
            if name not in self._org_names:
                self._org_names.add(name)
                return name

    def employer(self, trade: str | None = None) -> dict[str, object]:
        region = self.rng.choice(("520102", "520102", "520102", "520103", "520111", "520115"))
        return {"kind": "org", "name": self.org_name(trade), "uscc": self.uscc(region),
                "legal_rep": self.name(self.rng.random() < 0.8), "phone": self.phone()}
