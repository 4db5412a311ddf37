"""Generate a synthetic province: a complete, valid data/ tree for benchmarks and tests.

    python3 scripts/generate_province.py --out /tmp/province
    python3 scripts/generate_province.py --out /tmp/small --scale 0.1 --years 3 --subjects 4

Writes `<out>/data/` (offices, subjects, schools, people, cited documents and one file
per office and school year), an empty `<out>/content/` and `<out>/mkdocs.yml`, so that
`python3 -m mkdocs build` works in `<out>`. Everything is fictional (DỮ LIỆU MẪU) and
marked `sample: true`.

The province has one Sở GDĐT and `--offices` Phòng GDĐT (one per district). As in the 2025
reform, every Phòng ends on 30/6/2025 (`end_reason: giai-the`, the Sở as successor); from
2025-2026 the Sở publishes one year file that carries on every district's core team,
subject groups, clusters and inter-school groups under the same ids, with the districts'
schools listed under `schools:` (it manages them from then on).
Some schools are renamed (`former_names`), some merge into another (`valid_until`,
`successor`). People keep their id every year; about one in ten leaves or joins each
year, some change role or school.

The output depends only on the arguments: one seeded `random.Random`, no clock, no
hash order, no set iteration.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from portal.text import normalize, slugify

REPO = Path(__file__).resolve().parent.parent  # the repository: scripts/ is in it

LAST_YEAR = 2025  # first calendar year of the last school year generated (2025-2026)
DISSOLVED_ON = "2025-06-30"
MERGER_YEAR = 2025  # the first school year after the dissolution
LAW = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
PROVINCE = "Sơn Hà"
PROVINCE_SLUG = "son-ha"

# Family names with their approximate share of the Vietnamese population (per cent).
FAMILY_NAMES: list[tuple[str, float]] = [
    ("Nguyễn", 38.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 3.0), ("Huỳnh", 2.1),
    ("Phan", 4.5), ("Vũ", 2.0), ("Võ", 1.9), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
    ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.9), ("Trương", 0.8), ("Đào", 0.7),
    ("Lâm", 0.5), ("Mai", 0.5), ("Cao", 0.5), ("Tô", 0.3), ("Lương", 0.4), ("Châu", 0.3), ("Hà", 0.5),
    ("Tạ", 0.3), ("Kiều", 0.2), ("Quách", 0.2), ("Thái", 0.2), ("La", 0.1), ("Lưu", 0.3),
    ("Triệu", 0.2), ("Vương", 0.2), ("Trịnh", 0.4), ("Doãn", 0.1), ("Khúc", 0.1), ("Thân", 0.1),
]
MIDDLE_MALE = [("Văn", 30), ("Hữu", 8), ("Đức", 8), ("Minh", 10), ("Quốc", 7), ("Thanh", 8), ("Ngọc", 5),
               ("Công", 6), ("Quang", 6), ("Xuân", 4), ("Đình", 5), ("Tấn", 4), ("Hoàng", 4), ("Trung", 3),
               ("Anh", 3), ("Duy", 3), ("Bá", 2), ("Thế", 3)]
MIDDLE_FEMALE = [("Thị", 45), ("Ngọc", 9), ("Thanh", 7), ("Thu", 6), ("Minh", 4), ("Kim", 5), ("Mỹ", 4),
                 ("Thúy", 3), ("Hồng", 4), ("Bích", 3), ("Phương", 3), ("Hoài", 2), ("Diệu", 2), ("Khánh", 2),
                 ("Thị Thu", 4), ("Thị Kim", 3), ("Thị Ngọc", 3), ("Thị Thanh", 3), ("Thị Mỹ", 2)]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khoa", "Long", "Minh", "Nam",
              "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Hiếu", "Hoàng",
              "Khánh", "Lâm", "Phong", "Thành", "Tùng", "Tú", "Đạt", "Hưng", "Lộc", "Nghĩa", "Quang",
              "Thịnh", "Toàn", "Trí", "Vũ", "Bảo", "Duy", "Hậu", "Kiên", "Luân", "Nhân", "Sang", "Tâm",
              "Thái", "Thiện", "Tiến", "Trọng", "Bách", "Chiến", "Công", "Danh", "Định", "Giang", "Hào", "Hiệp",
              "Hòa", "Khang", "Khải", "Lực", "Mạnh", "Nhật", "Phát", "Quý", "Sĩ", "Tân", "Thuận", "Tín",
              "Triều", "Trường", "Tường", "Văn", "Viễn", "Xuân"]
GIVEN_FEMALE = ["Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền",
                "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên",
                "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Yến", "Hiền", "Hồng", "Lệ",
                "Ly", "My", "Nguyệt", "Nhàn", "Như", "Quỳnh", "Tâm", "Thắm", "Thơ", "Thư", "Trâm", "Tú",
                "Vy", "Xuân", "Diễm", "Hậu", "Lài", "Ánh", "Bích", "Châu", "Cúc", "Đào", "Gấm", "Hân", "Hoài",
                "Kiều", "Lam", "Liễu", "Mến", "Mơ", "Ngọc", "Nhi", "Nương", "Phượng", "Sương", "Thanh", "Thoa",
                "Thùy", "Tiên", "Trúc", "Vân Anh", "Thu Hà", "Bảo Ngọc"]

# Famous names schools are named after, and syllables of place names (communes, wards).
NAMESAKES = ["Nguyễn Du", "Lê Lợi", "Trần Hưng Đạo", "Lê Quý Đôn", "Chu Văn An", "Nguyễn Trãi", "Quang Trung",
             "Lý Thường Kiệt", "Ngô Quyền", "Phan Bội Châu", "Võ Thị Sáu", "Kim Đồng", "Nguyễn Bỉnh Khiêm",
             "Hai Bà Trưng", "Trần Phú", "Lê Hồng Phong", "Nguyễn Văn Trỗi", "Hoàng Hoa Thám", "Đinh Tiên Hoàng",
             "Lê Văn Tám", "Trần Quốc Toản", "Nguyễn Thị Minh Khai", "Phan Chu Trinh", "Nguyễn Khuyến",
             "Lương Thế Vinh", "Tô Hiến Thành", "Nguyễn Đình Chiểu", "Huỳnh Thúc Kháng", "Lê Thánh Tông",
             "Mạc Đĩnh Chi", "Phạm Văn Đồng", "Nguyễn Huệ", "Bế Văn Đàn", "Cù Chính Lan", "Võ Trường Toản",
             "Lê Ngọc Hân", "Trưng Vương", "Nguyễn Hiền", "Đoàn Thị Điểm", "Hồ Tùng Mậu"]
PLACE_FIRST = ["Tân", "An", "Phú", "Bình", "Vĩnh", "Long", "Hòa", "Thạnh", "Phước", "Đông", "Tây", "Nam",
               "Bắc", "Trung", "Mỹ", "Thanh", "Hưng", "Quang", "Xuân", "Hồng", "Thạch", "Yên", "Kim", "Đại"]
PLACE_SECOND = ["Phú", "Lập", "Hòa", "An", "Bình", "Thịnh", "Lợi", "Hưng", "Thành", "Tiến", "Lộc", "Sơn",
                "Hải", "Mỹ", "Khánh", "Phong", "Định", "Thuận", "Long", "Điền", "Trạch", "Lâm", "Xá", "Cường"]
DISTRICTS = ["Tân Lập", "Phú Hòa", "An Khánh", "Bình Sơn", "Đông Hưng", "Thạch Hà", "Vĩnh Lộc", "Mỹ Thuận",
             "Kim Sơn", "Yên Định", "Hồng Phong", "Xuân Trường", "Long Điền", "Thanh Bình", "Quang Hưng",
             "Đại Lâm"]

# Subjects: id, name, aliases, the levels that teach it (TH = tiểu học, THCS = trung học cơ sở).
SUBJECTS: list[tuple[str, str, list[str], tuple[str, ...]]] = [
    ("toan", "Toán", [], ("TH", "THCS")),
    ("ngu-van", "Ngữ văn", ["Văn", "Ngữ văn - GDĐP"], ("THCS",)),
    ("tieng-viet", "Tiếng Việt", [], ("TH",)),
    ("tieng-anh", "Tiếng Anh", ["Anh văn"], ("TH", "THCS")),
    ("khtn", "Khoa học tự nhiên", ["KHTN"], ("THCS",)),
    ("lich-su-dia-li", "Lịch sử và Địa lí", ["LS&ĐL", "Lịch sử - Địa lí"], ("TH", "THCS")),
    ("gdcd", "Giáo dục công dân", ["GDCD"], ("THCS",)),
    ("tin-hoc", "Tin học", [], ("TH", "THCS")),
    ("cong-nghe", "Công nghệ", [], ("TH", "THCS")),
    ("gdtc", "Giáo dục thể chất", ["GDTC", "Thể dục"], ("TH", "THCS")),
    ("am-nhac", "Âm nhạc", [], ("TH", "THCS")),
    ("mi-thuat", "Mĩ thuật", ["Mỹ thuật"], ("TH", "THCS")),
    ("hdtn-hn", "Hoạt động trải nghiệm, hướng nghiệp", ["HĐTN-HN", "HĐTN, HN"], ("THCS",)),
    ("hdtn", "Hoạt động trải nghiệm", ["HĐTN"], ("TH",)),
    ("dao-duc", "Đạo đức", [], ("TH",)),
    ("tnxh", "Tự nhiên và Xã hội", ["TN&XH"], ("TH",)),
    ("khoa-hoc", "Khoa học", [], ("TH",)),
    ("gddp", "Giáo dục địa phương", ["GDĐP"], ("THCS",)),
    ("tieng-phap", "Tiếng Pháp", [], ("THCS",)),
    ("tieng-dan-toc", "Tiếng dân tộc thiểu số", ["Tiếng DTTS"], ("TH",)),
]

CITED = [
    {"id": "bgddt-tt-20-2018", "kind": "thong-tu", "number": "20/2018/TT-BGDĐT", "date": "2018-08-22",
     "issuer": "bo-gddt",
     "title": "Ban hành quy định chuẩn nghề nghiệp giáo viên cơ sở giáo dục phổ thông"},
    {"id": "bgddt-tt-14-2018", "kind": "thong-tu", "number": "14/2018/TT-BGDĐT", "date": "2018-07-20",
     "issuer": "bo-gddt",
     "title": "Ban hành quy định chuẩn hiệu trưởng cơ sở giáo dục phổ thông"},
    {"id": "bgddt-tt-28-2020", "kind": "thong-tu", "number": "28/2020/TT-BGDĐT", "date": "2020-09-04",
     "issuer": "bo-gddt", "title": "Ban hành Điều lệ Trường tiểu học"},
    {"id": "bgddt-tt-32-2020", "kind": "thong-tu", "number": "32/2020/TT-BGDĐT", "date": "2020-09-15",
     "issuer": "bo-gddt",
     "title": "Ban hành Điều lệ trường trung học cơ sở, trường trung học phổ thông và trường phổ thông "
              "có nhiều cấp học"},
]

SAMPLE_NOTE = "Dữ liệu mẫu, không có thật: sinh tự động bởi scripts/generate_province.py."
HUB_NAV = [{"Trang chủ": "index.md"}, {"Năm học": "nam-hoc.md"}, {"Trường": "truong.md"},
           {"Đơn vị": "don-vi.md"}, {"Văn bản": "van-ban.md"}]


def weighted(rng: random.Random, table: list[tuple[str, float]] | list[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


# Records


@dataclass
class SchoolRec:
    id: str
    name: str  # the current name
    level: str  # TH | THCS | TH-THCS
    office: str
    base: str  # the name without the level: "Nguyễn Du"
    cluster: str = ""  # TH | THCS: which clusters it goes to
    aliases: list[str] = field(default_factory=list)
    old_name: str | None = None  # its name before `renamed_in`
    renamed_in: int | None = None  # the first school year under the new name
    merged_in: int | None = None  # the first school year it no longer exists
    successor: str | None = None

    def active(self, year: int) -> bool:
        return self.merged_in is None or year < self.merged_in

    def name_in(self, year: int) -> str:
        if self.old_name and self.renamed_in is not None and year < self.renamed_in:
            return self.old_name
        return self.name

    def teaches(self, levels: tuple[str, ...]) -> bool:
        return any(level in self.level.split("-") for level in levels)


@dataclass
class PersonRec:
    id: str
    name: str
    male: bool
    file: str  # the office whose people file holds it
    honorific: bool = False
    phone: str | None = None
    publish_phone: bool = False
    distinct_from: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class Seat:
    """One person in a subject group."""

    person: str
    role: str  # nhom-truong | pho-nhom-truong | uy-vien
    school: str
    position: str


@dataclass
class Issuer:
    """Who issues a district's year: its Phòng, then (from MERGER_YEAR) the Sở for the district's area."""

    office: str
    code: str  # id prefix
    name: str  # Phòng Giáo dục và Đào tạo huyện Tân Lập
    short: str  # Phòng GDĐT huyện Tân Lập
    place: str
    is_so: bool
    schools: list[SchoolRec]
    officials: dict[str, str] = field(default_factory=dict)  # head, deputy, expert, clerk -> person
    team: dict[str, list[Seat]] = field(default_factory=dict)  # subject -> seats, official order
    clusters: list[tuple[str, str, list[SchoolRec]]] = field(default_factory=list)  # id, name, schools
    groups: list[tuple[str, str, list[SchoolRec]]] = field(default_factory=list)
    cluster_lead: dict[str, str] = field(default_factory=dict)  # cluster id -> school id
    group_lead: dict[str, str] = field(default_factory=dict)
    started: bool = False
    decision_number: int = 0
    former_office: str | None = None  # the Phòng, once the Sở carries the district on


# The generator


class Province:
    def __init__(self, schools: int, subjects: int, years: int, offices: int, seed: int) -> None:
        if offices < 1:
            raise SystemExit("--offices: at least 1")
        self.rng = random.Random(seed)
        self.seed = seed
        self.subjects = SUBJECTS[:max(1, min(subjects, len(SUBJECTS)))]
        self.years = list(range(LAST_YEAR - years + 1, LAST_YEAR + 1))
        self.n_schools = max(schools, offices)
        self.n_offices = offices
        self.offices: list[dict[str, Any]] = []
        self.schools: dict[str, list[SchoolRec]] = {}  # office -> schools
        self.school_by_id: dict[str, SchoolRec] = {}
        self.people: dict[str, PersonRec] = {}
        self.principal: dict[str, str] = {}  # school -> person
        self.year_files: dict[tuple[int, str], dict[str, Any]] = {}
        self.so_id = f"so-gddt-{PROVINCE_SLUG}"
        self.districts: list[Issuer] = []
        self.so_officials: dict[str, str] = {}

    # People

    def new_person(self, file: str, code: str, school: SchoolRec | None = None, male: bool | None = None,
                   honorific: bool = False) -> str:
        rng = self.rng
        if male is None:
            male = rng.random() < 0.3  # most teachers are women
        family = weighted(rng, FAMILY_NAMES)
        middle = weighted(rng, MIDDLE_MALE if male else MIDDLE_FEMALE)
        given = rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)
        name = f"{family} {middle} {given}"
        base = f"{code}-{slugify(name)}"
        pid = base
        if pid in self.people and school is not None:
            pid = f"{base}-{slugify(school.base)}"
        n = 2
        while pid in self.people:
            pid = f"{base}-{n}"
            n += 1
        person = PersonRec(pid, name, male, file, honorific=honorific)
        if rng.random() < 0.01:
            person.phone = self.phone()
            person.publish_phone = rng.random() < 0.2
        self.people[pid] = person
        return pid

    def phone(self) -> str:
        digits = [str(self.rng.randrange(10)) for _ in range(8)]
        return "091" + "".join(digits[1:])  # a valid mobile prefix: the checker validates contacts

    # Offices and schools

    def build_offices(self) -> None:
        rng = self.rng
        self.offices = [
            {"id": "bo-gddt", "name": "Bộ Giáo dục và Đào tạo", "short_name": "Bộ GDĐT", "kind": "bo-gddt",
             "place": "Hà Nội"},
            {"id": f"ubnd-tinh-{PROVINCE_SLUG}", "name": f"Ủy ban nhân dân tỉnh {PROVINCE} (dữ liệu mẫu)",
             "short_name": f"UBND tỉnh {PROVINCE} (mẫu)", "kind": "ubnd-tinh", "place": PROVINCE,
             "sample": True, "note": SAMPLE_NOTE},
            {"id": self.so_id, "name": f"Sở Giáo dục và Đào tạo tỉnh {PROVINCE} (dữ liệu mẫu)",
             "short_name": f"Sở GDĐT {PROVINCE} (mẫu)", "kind": "so-gddt", "parent": f"ubnd-tinh-{PROVINCE_SLUG}",
             "place": PROVINCE, "sample": True, "note": SAMPLE_NOTE},
        ]
        weights = [rng.uniform(0.6, 1.4) for _ in range(self.n_offices)]
        counts = [max(1, round(self.n_schools * w / sum(weights))) for w in weights]
        counts[0] = max(counts[0], 2)  # at least one office where a school can merge into another
        codes: set[str] = set()
        for i in range(self.n_offices):
            district = DISTRICTS[i % len(DISTRICTS)] + (f" {i // len(DISTRICTS) + 1}" if i >= len(DISTRICTS) else "")
            slug = slugify(district)
            code = "".join(part[0] for part in slug.split("-"))
            while code in codes:
                code += "x"
            codes.add(code)
            office_id = f"pgddt-{slug}"
            kind_word = "thị xã" if i == 0 else "huyện"
            office: dict[str, Any] = {
                "id": office_id, "name": f"Phòng Giáo dục và Đào tạo {kind_word} {district} (dữ liệu mẫu)",
                "short_name": f"Phòng GDĐT {kind_word} {district} (mẫu)", "kind": "phong-gddt",
                "parent": self.so_id, "place": district, "sample": True}
            office.update(valid_until=DISSOLVED_ON, end_reason="giai-the", successors=[
                {"office": self.so_id, "took_over": "quản lý chuyên môn các trường: tổ cốt cán, nhóm bộ môn, cụm "
                                                    "chuyên môn, nhóm liên trường"}],
                note=f"{SAMPLE_NOTE} Chấm dứt hoạt động từ ngày 01/7/2025 ({LAW}); Sở GDĐT tỉnh {PROVINCE} "
                     "tiếp tục các tổ, nhóm, cụm của huyện.")
            if i == 0:
                office["former_names"] = [{"name": f"Phòng Giáo dục và Đào tạo huyện {district} (dữ liệu mẫu)",
                                           "until": f"{self.years[0]}-12-31"}]
            self.offices.append(office)
            self.schools[office_id] = self.make_schools(office_id, code, counts[i])
            self.districts.append(Issuer(
                office=office_id, code=code, name=office["name"], short=office["short_name"], place=district,
                is_so=False, schools=self.schools[office_id]))
        self.rename_and_merge()

    def make_schools(self, office_id: str, code: str, n: int) -> list[SchoolRec]:
        rng = self.rng
        places = [a + " " + b for a in PLACE_FIRST for b in PLACE_SECOND if a != b]
        rng.shuffle(places)
        names = NAMESAKES[:]
        rng.shuffle(names)
        used: set[str] = set()
        schools = []
        for i in range(n):
            roll = rng.random()
            level = "TH" if roll < 0.55 else "THCS" if roll < 0.9 else "TH-THCS"
            base = names.pop() if names and rng.random() < 0.3 else places.pop() if places else f"Số {i + 1}"
            name = f"{level} {base}"
            k = 2
            while name in used:
                name = f"{level} {base} {k}"
                k += 1
            used.add(name)
            base = name[len(level) + 1:]
            full = {"TH": "Tiểu học", "THCS": "Trung học cơ sở", "TH-THCS": "Tiểu học và Trung học cơ sở"}[level]
            aliases = [f"Trường {name}"]
            if rng.random() < 0.5:
                aliases.append(f"{full} {base}")
            school_id = f"{code}-{level.lower()}-{slugify(base)}"
            k = 2
            while school_id in self.school_by_id:  # Thanh Lộc and Thạnh Lộc: one slug
                school_id = f"{code}-{level.lower()}-{slugify(base)}-{k}"
                k += 1
            school = SchoolRec(id=school_id, name=name, level=level,
                               office=office_id, base=base, cluster="TH" if level == "TH" else "THCS",
                               aliases=aliases)
            schools.append(school)
            self.school_by_id[school.id] = school
        return schools

    def rename_and_merge(self) -> None:
        rng = self.rng
        every = [s for office in self.schools.values() for s in office]
        later = self.years[1:] or self.years
        for school in rng.sample(every, max(1, round(len(every) * 0.02))):
            new_base = rng.choice(NAMESAKES)
            if f"{school.level} {new_base}" in {s.name for s in self.schools[school.office]}:
                continue
            school.old_name, school.renamed_in = school.name, rng.choice(later)
            school.name, school.base = f"{school.level} {new_base}", new_base
            school.aliases = [f"Trường {school.name}"]
        offices = [o for o, schools in self.schools.items() if len(schools) >= 2]
        for _ in range(max(1, round(len(every) * 0.015)) if offices else 0):
            office = rng.choice(offices)
            pool = [s for s in self.schools[office] if s.merged_in is None and s.old_name is None]
            keepers = {s.successor for s in self.schools[office] if s.successor}
            pool = [s for s in pool if s.id not in keepers]
            if len(pool) < 2:
                continue
            gone = rng.choice(pool)
            into = [s for s in pool if s is not gone and s.cluster == gone.cluster] or [s for s in pool
                                                                                        if s is not gone]
            successor = rng.choice(into)
            gone.merged_in, gone.successor = rng.choice(later), successor.id

    def follow(self, school: SchoolRec, year: int) -> SchoolRec:
        while not school.active(year) and school.successor:
            school = self.school_by_id[school.successor]
        return school

    # One issuer's bodies, year after year

    def start(self, issuer: Issuer, year: int) -> None:
        rng = self.rng
        file = issuer.office
        if issuer.is_so:
            issuer.officials = {
                "head": self.new_person(file, "sgd", male=True, honorific=True),
                "deputy": self.new_person(file, "sgd", honorific=True),
                "expert": self.new_person(file, "sgd", honorific=True),
                "clerk": self.new_person(file, "sgd", honorific=True),
            }
        else:
            issuer.officials = {key: self.new_person(file, issuer.code, honorific=True)
                                for key in ("head", "deputy", "expert", "clerk")}
        clerk = self.people[issuer.officials["clerk"]]
        clerk.phone = clerk.phone or self.phone()
        clerk.publish_phone = False
        if not issuer.is_so:
            for subject_id, _, _, levels in self.subjects:
                issuer.team[subject_id] = []
                self.fill_group(issuer, subject_id, levels, year, rng.randint(5, 10))
            self.make_clusters(issuer)
        issuer.started = True

    def candidates(self, issuer: Issuer, levels: tuple[str, ...], year: int) -> list[SchoolRec]:
        active = [s for s in issuer.schools if s.active(year)]
        return [s for s in active if s.teaches(levels)] or active

    def fill_group(self, issuer: Issuer, subject_id: str, levels: tuple[str, ...], year: int, size: int) -> None:
        rng = self.rng
        seats = issuer.team[subject_id]
        schools = self.candidates(issuer, levels, year)
        while len(seats) < size:
            school = rng.choice(schools)
            roll = rng.random()
            position = "Phó Hiệu trưởng" if roll < 0.1 else "Tổ trưởng chuyên môn" if roll < 0.25 else "Giáo viên"
            file = issuer.office
            code = "sgd" if issuer.is_so else issuer.code
            seats.append(Seat(self.new_person(file, code, school), "uy-vien", school.id, position))
        self.fix_roles(seats)

    def fix_roles(self, seats: list[Seat]) -> None:
        """Exactly one nhóm trưởng, at most two phó; the official order: leader, deputies, members."""
        leaders = [s for s in seats if s.role == "nhom-truong"]
        for extra in leaders[1:]:
            extra.role = "uy-vien"
        if not leaders and seats:
            deputies = [s for s in seats if s.role == "pho-nhom-truong"]
            (deputies or seats)[0].role = "nhom-truong"
        for extra in [s for s in seats if s.role == "pho-nhom-truong"][2:]:
            extra.role = "uy-vien"
        if len(seats) >= 6 and not any(s.role == "pho-nhom-truong" for s in seats) and self.rng.random() < 0.6:
            next(s for s in seats if s.role == "uy-vien").role = "pho-nhom-truong"
        order = {"nhom-truong": 0, "pho-nhom-truong": 1, "uy-vien": 2}
        seats.sort(key=lambda s: order[s.role])

    def make_clusters(self, issuer: Issuer) -> None:
        rng = self.rng
        for level, label in (("TH", "Tiểu học"), ("THCS", "THCS")):
            schools = [s for s in issuer.schools if s.cluster == level]
            if not schools:
                continue
            n = max(1, round(len(schools) / 12))
            for k in range(n):
                chunk = schools[k * len(schools) // n:(k + 1) * len(schools) // n]
                cluster_id = f"{issuer.code}-cum-{level.lower()}-{k + 1:02d}"
                issuer.clusters.append((cluster_id, f"Cụm chuyên môn {label} số {k + 1}", chunk))
                for j in range(0, len(chunk), 3):
                    members = chunk[j:j + 3]
                    if len(members) == 1 and issuer.groups and issuer.groups[-1][2][0].cluster == level:
                        issuer.groups[-1][2].append(members[0])
                        continue
                    number = len(issuer.groups) + 1
                    issuer.groups.append((f"{issuer.code}-nhom-lt-{number:02d}",
                                          f"Nhóm liên trường số {number} ({label})", members))
        for cluster_id, _, schools in issuer.clusters:
            issuer.cluster_lead[cluster_id] = rng.choice(schools).id
        for group_id, _, schools in issuer.groups:
            issuer.group_lead[group_id] = schools[0].id

    def churn(self, issuer: Issuer, year: int) -> None:
        """One year later: about one in ten leaves and is replaced, some roles and schools change."""
        rng = self.rng
        for key in issuer.officials:
            if rng.random() < 0.1:
                code = "sgd" if issuer.is_so else issuer.code
                issuer.officials[key] = self.new_person(issuer.office, code, honorific=True)
                if key == "clerk":
                    clerk = self.people[issuer.officials[key]]
                    clerk.phone, clerk.publish_phone = clerk.phone or self.phone(), False
        for subject_id, _, _, levels in self.subjects:
            seats = issuer.team.get(subject_id, [])
            schools = self.candidates(issuer, levels, year)
            for seat in seats:
                moved = self.follow(self.school_by_id[seat.school], year)
                if moved.id != seat.school or rng.random() < 0.05:  # merged away, or moved
                    seat.school = moved.id if moved.id != seat.school else rng.choice(schools).id
            size = len(seats)
            seats[:] = [s for s in seats if rng.random() >= 0.1]
            if seats and rng.random() < 0.15:  # a new leader
                for s in seats:
                    if s.role == "nhom-truong":
                        s.role = "uy-vien"
                rng.choice(seats).role = "nhom-truong"
            for s in seats:
                if s.role == "uy-vien" and rng.random() < 0.04:
                    s.role = "pho-nhom-truong"
                elif s.role == "pho-nhom-truong" and rng.random() < 0.1:
                    s.role = "uy-vien"
            issuer.team[subject_id] = seats
            target = min(10, max(5, size + rng.choice([-1, 0, 0, 1])))
            self.fill_group(issuer, subject_id, levels, year, target)
        for school in issuer.schools:
            if school.id in self.principal and rng.random() < 0.06:
                del self.principal[school.id]  # a new principal is named when needed
        for cluster_id, _, schools in issuer.clusters:
            active = [s for s in schools if s.active(year)]
            lead = self.school_by_id[issuer.cluster_lead[cluster_id]]
            if active and (not lead.active(year) or rng.random() < 0.25):
                issuer.cluster_lead[cluster_id] = rng.choice(active).id
        for group_id, _, schools in issuer.groups:
            active = [s for s in schools if s.active(year)]
            lead = self.school_by_id[issuer.group_lead[group_id]]
            if active and (not lead.active(year) or rng.random() < 0.2):
                issuer.group_lead[group_id] = rng.choice(active).id

    def head_of(self, school: SchoolRec) -> str:
        if school.id not in self.principal:
            self.principal[school.id] = self.new_person(school.office, school.id.split("-")[0], school)
        return self.principal[school.id]

    def hand_over(self, issuer: Issuer) -> None:
        """From MERGER_YEAR the Sở issues the district's year: same bodies, the Sở's officials."""
        if not self.so_officials:
            self.so_officials = {key: self.new_person(self.so_id, "sgd", male=True if key == "head" else None,
                                                      honorific=True)
                                 for key in ("head", "deputy", "expert", "clerk")}
            clerk = self.people[self.so_officials["clerk"]]
            clerk.phone, clerk.publish_phone = clerk.phone or self.phone(), False
        issuer.former_office, issuer.office = issuer.office, self.so_id
        issuer.is_so = True
        issuer.name = f"khu vực {issuer.place} cũ"
        issuer.officials = dict(self.so_officials)

    # Year files

    def run(self) -> None:
        self.build_offices()
        for year in self.years:
            for issuer in self.districts:
                if year >= MERGER_YEAR and issuer.former_office is None:
                    if not issuer.started:  # the data as the Phòng would have left it
                        self.start(issuer, year)
                    self.hand_over(issuer)
                self.step(issuer, year)
        self.mark_same_names()

    def step(self, issuer: Issuer, year: int) -> None:
        if issuer.started:
            self.churn(issuer, year)
        else:
            self.start(issuer, year)
        content = self.year_file(issuer, year)
        published = self.year_files.setdefault((year, issuer.office), {**content, "documents": [], "bodies": []})
        if "schools" in content:  # the Sở's one file of the year: every district's schools, documents, bodies
            published["schools"] = [*published.get("schools", []), *content["schools"]]
        published["documents"] += content["documents"]
        published["bodies"] += content["bodies"]

    def unit_text(self, issuer: Issuer) -> str:
        if issuer.is_so:
            return f"Sở GDĐT tỉnh {PROVINCE}"
        return issuer.short.replace(" (mẫu)", "")

    def year_file(self, issuer: Issuer, year: int) -> dict[str, Any]:
        rng = self.rng
        label = f"{year}-{year + 1}"
        suffix = "SGDĐT" if issuer.is_so else "PGDĐT"
        code = issuer.code
        off = issuer.officials
        p = self.people
        issuer.decision_number = rng.randint(100, 400)
        day = rng.randint(5, 25)
        place = issuer.place
        head_title = "Giám đốc" if issuer.is_so else "Trưởng phòng"
        deputy_title = "Phó Giám đốc" if issuer.is_so else "Phó Trưởng phòng"
        expert_title = "Chuyên viên"
        area = f" {issuer.name}" if issuer.is_so else ""
        team_id = f"{code}-to-cot-can"
        team_name = f"Tổ cốt cán giáo viên{area or ' cấp huyện'}"
        qd_team = f"{code}-{year}-qd-to-cot-can"
        qd_cluster = f"{code}-{year}-qd-cum"
        plan = f"{code}-{year}-kh-hoat-dong"
        unit = self.unit_text(issuer)

        # The core team: its officers, then one subject group per subject, rows numbered across.
        officers = [(off["deputy"], "to-truong", deputy_title), (off["expert"], "to-pho", expert_title),
                    (off["clerk"], "thu-ky", expert_title)]
        team_members: list[dict[str, Any]] = []
        stt = 0
        for person, role, title in officers:
            stt += 1
            team_members.append({"stt": stt, "person": person, "role": role, "position": title,
                                 "unit": issuer.office, "as_written": f"{title} - {unit}"})
        groups: list[dict[str, Any]] = []
        level_count: Counter[str] = Counter({"Phòng, Sở": len(officers)})
        for subject_id, subject_name, aliases, _ in self.subjects:
            seats = issuer.team.get(subject_id, [])
            members = []
            for seat in seats:
                stt += 1
                school = self.school_by_id[seat.school]
                level_count[school.level] += 1
                member: dict[str, Any] = {
                    "stt": stt, "person": seat.person, "role": seat.role, "position": seat.position,
                    "unit": school.id, "as_written": f"{seat.position} - {school.name_in(year)}",
                    "subject": rng.choice(aliases) if aliases and rng.random() < 0.15 else subject_name}
                if seat.role != "uy-vien":
                    member["note"] = {"nhom-truong": "Nhóm trưởng", "pho-nhom-truong": "Phó nhóm trưởng"}[seat.role]
                members.append(member)
            if not members:
                continue
            groups.append({"id": f"{team_id}-{subject_id}", "kind": "nhom-bo-mon", "name": f"Nhóm {subject_name}",
                           "parent": team_id, "decision": qd_team, "subject": subject_id,
                           "meets": "ít nhất 1 lần/học kỳ", "members": members})
        team = {"id": team_id, "kind": "to-cot-can", "name": team_name, "decision": qd_team, "declared_count": stt,
                "members": team_members, "duties": self.team_duties()}

        clusters, inter = self.cluster_bodies(issuer, year, qd_cluster)
        bodies = [team, *groups, *clusters, *inter]

        head, deputy, clerk = p[off["head"]], p[off["deputy"]], p[off["clerk"]]
        signer_head = {"person": head.id, "title": head_title}
        signer_deputy = {"person": deputy.id, "title": deputy_title, "capacity": "KT.", "on_behalf_of": head_title}
        bases = [
            {"text": "Căn cứ Thông tư số 20/2018/TT-BGDĐT ngày 22/8/2018 của Bộ trưởng Bộ Giáo dục và Đào tạo "
                     "ban hành quy định chuẩn nghề nghiệp giáo viên cơ sở giáo dục phổ thông;",
             "ref": "bgddt-tt-20-2018"},
            {"text": f"Căn cứ kế hoạch thực hiện nhiệm vụ năm học {label} của "
                     f"{'Sở' if issuer.is_so else issuer.name};"},
        ]
        recipients = ["Như Điều 3;", f"Sở GDĐT tỉnh {PROVINCE} (b/c);" if not issuer.is_so
                      else f"UBND tỉnh {PROVINCE} (b/c);", "Lưu: VT, CM."]
        n_team = stt
        date_team = f"{year}-09-{day:02d}"
        date_cluster = f"{year}-09-{min(day + 2, 30):02d}"
        date_plan = f"{year}-09-{min(day + 5, 30):02d}"
        honorific = "ông" if clerk.male else "bà"
        documents: list[dict[str, Any]] = [
            {"id": qd_team, "kind": "quyet-dinh", "number": f"{issuer.decision_number}/QĐ-{suffix}",
             "date": date_team, "place": place,
             "title": f"Về việc thành lập {team_name[0].lower() + team_name[1:]} năm học {label}",
             "signer": signer_head, "legal_bases": bases, "recipients": recipients,
             "figures": [{"label": "Số thành viên", "value": n_team, "parts": dict(sorted(level_count.items()))}],
             "text": self.decision_text(issuer, year, team_name, n_team, f"{honorific} {clerk.name}",
                                        clerk.phone or "")},
            {"id": qd_cluster, "kind": "quyet-dinh", "number": f"{issuer.decision_number + 1}/QĐ-{suffix}",
             "date": date_cluster, "place": place,
             "title": f"Về việc thành lập cụm chuyên môn và nhóm liên trường năm học {label}",
             "signer": signer_deputy, "legal_bases": bases[1:], "recipients": recipients},
            {"id": plan, "kind": "ke-hoach", "number": f"{issuer.decision_number + 7}/KH-{suffix}",
             "date": date_plan, "place": place,
             "title": f"Kế hoạch hoạt động của tổ cốt cán và cụm chuyên môn năm học {label}",
             "signer": signer_deputy, "recipients": recipients,
             "related": [{"ref": qd_team, "relation": "thuc-hien"}, {"ref": qd_cluster, "relation": "thuc-hien"}],
             "activities": self.activities(year, team_id, [c["id"] for c in clusters], issuer)},
        ]
        previous = f"{code}-{year - 1}-qd-to-cot-can"
        before = [self.year_files[(year - 1, o)] for o in (issuer.office, issuer.former_office or "")
                  if (year - 1, o) in self.year_files]
        if issuer.started and any(d["id"] == previous for f in before for d in f["documents"]):
            documents[0]["related"] = [{"ref": previous, "relation": "thay-the"}]
        content: dict[str, Any] = {"school_year": label, "office": issuer.office}
        if issuer.former_office is not None:  # the Sở manages the district's schools from now on
            content["schools"] = [s.id for s in issuer.schools if s.active(year)]
        return {**content, "documents": documents, "bodies": bodies}

    def cluster_bodies(self, issuer: Issuer, year: int, decision: str) -> tuple[list[dict[str, Any]],
                                                                               list[dict[str, Any]]]:
        clusters = []
        for cluster_id, name, schools in issuer.clusters:
            active = [s for s in schools if s.active(year)]
            if not active:
                continue
            lead = self.school_by_id[issuer.cluster_lead[cluster_id]]
            if not lead.active(year):
                lead = active[0]
            members: list[dict[str, Any]] = [
                {"person": self.head_of(lead), "role": "cum-truong", "position": "Hiệu trưởng", "unit": lead.id,
                 "as_written": f"Hiệu trưởng - {lead.name_in(year)}"}]
            others = [s for s in active if s is not lead]
            if others:
                deputy = others[(year + len(cluster_id)) % len(others)]
                members.append({"person": self.head_of(deputy), "role": "pho-cum-truong", "position": "Hiệu trưởng",
                                "unit": deputy.id, "as_written": f"Hiệu trưởng - {deputy.name_in(year)}"})
            members += [{"stt": i + 1, "school": s.id, "role": "thanh-vien"} for i, s in enumerate(active)]
            clusters.append({"id": cluster_id, "kind": "cum-chuyen-mon", "name": name, "decision": decision,
                             "meets": "ít nhất 1 lần/học kỳ", "members": members,
                             "duties": [
                                 {"role": "cum-truong", "text": "Xây dựng kế hoạch sinh hoạt chuyên môn của cụm; "
                                  "chủ trì các buổi sinh hoạt; tổng hợp, báo cáo kết quả về "
                                  f"{'Sở' if issuer.is_so else 'Phòng'} sau mỗi học kỳ."},
                                 {"role": "pho-cum-truong", "text": "Giúp cụm trưởng điều hành hoạt động của cụm; "
                                  "thay cụm trưởng khi được phân công."},
                                 {"role": "thanh-vien", "text": "Cử giáo viên tham gia đầy đủ các buổi sinh hoạt "
                                  "chuyên môn của cụm; luân phiên đăng cai tổ chức."}]})
        groups = []
        for group_id, name, schools in issuer.groups:
            active = [s for s in schools if s.active(year)]
            if not active:
                continue
            lead_id = issuer.group_lead[group_id]
            if not self.school_by_id[lead_id].active(year):
                lead_id = active[0].id
            members = [{"school": s.id, "role": "nhom-truong" if s.id == lead_id else "thanh-vien"} for s in active]
            members.sort(key=lambda m: m["role"] != "nhom-truong")
            groups.append({"id": group_id, "kind": "nhom-lien-truong", "name": name, "decision": decision,
                           "meets": "2 lần/học kỳ", "members": members})
        return clusters, groups

    def team_duties(self) -> list[dict[str, Any]]:
        legal = {"ref": "bgddt-tt-20-2018", "provision": "Điều 12"}
        return [
            {"role": "to-truong", "label": "1", "text": "Phân công nhiệm vụ cho các thành viên; chỉ đạo, "
             "điều hành hoạt động của Tổ cốt cán; báo cáo kết quả thực hiện theo học kỳ và năm học."},
            {"role": "to-pho", "label": "2", "text": "Giúp Tổ trưởng xây dựng kế hoạch hoạt động năm học; "
             "điều hành Tổ khi được Tổ trưởng phân công."},
            {"role": "thu-ky", "label": "3", "text": "Ghi biên bản các buổi sinh hoạt; tổng hợp hồ sơ, "
             "báo cáo của Tổ."},
            {"role": "nhom-truong", "label": "4", "text": "Xây dựng kế hoạch của nhóm bộ môn; chủ trì sinh hoạt "
             "chuyên đề của môn; đề xuất nội dung bồi dưỡng thường xuyên."},
            {"role": "pho-nhom-truong", "label": "5", "text": "Giúp nhóm trưởng tổ chức hoạt động của nhóm; "
             "thay nhóm trưởng khi được phân công."},
            {"role": "uy-vien", "label": "6.1", "text": "Hỗ trợ giáo viên các trường đổi mới phương pháp dạy học, "
             "kiểm tra, đánh giá theo Chương trình giáo dục phổ thông 2018.", "legal": legal},
            {"role": "uy-vien", "label": "6.2", "text": "Tham gia biên soạn tài liệu, đề kiểm tra và dạy minh họa "
             "khi được phân công.", "legal": legal},
        ]

    def activities(self, year: int, team_id: str, clusters: list[str], issuer: Issuer) -> list[dict[str, Any]]:
        rng = self.rng
        nxt = year + 1
        pilot = [s.id for s in rng.sample(issuer.schools, min(2, len(issuer.schools))) if s.active(year)]
        items: list[dict[str, Any]] = [
            {"title": "Xây dựng và gửi kế hoạch hoạt động của nhóm bộ môn, cụm chuyên môn",
             "due": f"{year}-10-{rng.randint(5, 20):02d}", "responsible": "Nhóm trưởng, cụm trưởng",
             "bodies": [team_id, *clusters], "step": 1},
            {"title": "Sinh hoạt chuyên đề cụm lần 1", "start": f"{year}-10", "end": f"{year}-12",
             "frequency": "ít nhất 1 lần/học kỳ", "responsible": "Cụm trưởng", "bodies": clusters, "step": 2},
            {"title": "Báo cáo sơ kết học kỳ I", "due": f"{nxt}-01-{rng.randint(5, 15):02d}",
             "responsible": "Tổ trưởng tổ cốt cán", "bodies": [team_id], "step": 3},
            {"title": "Dạy minh họa, thao giảng tại trường thí điểm", "start": f"{nxt}-02", "end": f"{nxt}-04",
             "responsible": "Nhóm trưởng các môn", "bodies": [team_id], "schools": pilot, "step": 4},
            {"title": "Sinh hoạt chuyên đề cụm lần 2", "start": f"{nxt}-02", "end": f"{nxt}-04",
             "frequency": "ít nhất 1 lần/học kỳ", "responsible": "Cụm trưởng", "bodies": clusters, "step": 5},
            {"title": "Báo cáo tổng kết năm học", "due": f"{nxt}-05-{rng.randint(15, 28):02d}",
             "responsible": "Tổ trưởng tổ cốt cán", "bodies": [team_id, *clusters], "step": 6},
            {"title": "Bồi dưỡng giáo viên trong hè", "start": f"{nxt}-07", "end": f"{nxt}-08",
             "details": "Tập huấn triển khai sách giáo khoa, kế hoạch giáo dục năm học mới.",
             "responsible": "Tổ cốt cán", "bodies": [team_id], "step": 7},
        ]
        for item in items:
            if "bodies" in item and not item["bodies"]:
                del item["bodies"]
            if "schools" in item and not item["schools"]:
                del item["schools"]
        return items

    def decision_text(self, issuer: Issuer, year: int, team_name: str, count: int, contact: str,
                      phone: str) -> str:
        label = f"{year}-{year + 1}"
        head = "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO" if issuer.is_so else "TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"
        phone_text = f", điện thoại {phone}" if phone else ""
        return (f"DỮ LIỆU MẪU, KHÔNG CÓ THẬT.\n\n{head}\n\n"
                f"Căn cứ Thông tư số 20/2018/TT-BGDĐT ngày 22/8/2018 của Bộ trưởng Bộ Giáo dục và Đào tạo;\n"
                f"Căn cứ kế hoạch thực hiện nhiệm vụ năm học {label};\n\nQUYẾT ĐỊNH:\n\n"
                f"Điều 1. Thành lập {team_name[0].lower() + team_name[1:]} năm học {label} gồm {count} ông, bà "
                "có tên trong danh sách kèm theo.\n\n"
                "Điều 2. Tổ cốt cán có nhiệm vụ hỗ trợ giáo viên các trường đổi mới phương pháp dạy học, "
                "kiểm tra, đánh giá; thực hiện các nhiệm vụ khác khi được phân công.\n\n"
                "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các ông, bà có tên tại Điều 1 chịu trách nhiệm "
                "thi hành Quyết định này.\n\n"
                f"Đầu mối liên hệ: {contact}, chuyên viên{phone_text}.\n")

    def mark_same_names(self) -> None:
        """Two people with one name are two people: say so, or the checker warns."""
        by_name: dict[str, list[PersonRec]] = defaultdict(list)
        for person in self.people.values():
            by_name[normalize(person.name).casefold()].append(person)
        for same in by_name.values():
            for i, person in enumerate(same[1:], start=1):
                person.distinct_from = [p.id for p in same[:i]]

    # Output

    def write(self, out: Path) -> dict[str, int]:
        data = out / "data"
        used = {p.file for p in self.people.values()}
        files: dict[str, Any] = {
            "offices.yml": {"offices": self.offices},
            "subjects.yml": {"subjects": [{"id": i, "name": n, **({"aliases": a} if a else {})}
                                          for i, n, a, _ in self.subjects]},
            "documents/bgddt.yml": {"documents": CITED},
        }
        for office, schools in self.schools.items():
            files[f"schools/{office}.yml"] = {"office": office, "schools": [self.school_dict(s) for s in schools]}
        people: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for person in self.people.values():
            people[person.file].append(self.person_dict(person))
        for office in sorted(used):
            files[f"people/{office}.yml"] = {"people": people[office]}
        for (year, office), content in self.year_files.items():
            files[f"years/{year}-{year + 1}/{office}.yml"] = content
        header = (f"# DỮ LIỆU MẪU, KHÔNG CÓ THẬT: tỉnh {PROVINCE} tổng hợp, sinh bởi "
                  f"scripts/generate_province.py (seed {self.seed}).\n")
        for name, content in sorted(files.items()):
            path = data / name
            path.parent.mkdir(parents=True, exist_ok=True)
            text = yaml.dump(content, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000,
                             default_flow_style=None)
            path.write_text(header + text, encoding="utf-8")
        (out / "content").mkdir(parents=True, exist_ok=True)
        (out / "mkdocs.yml").write_text(mkdocs_config(), encoding="utf-8")
        return self.counts()

    def school_dict(self, s: SchoolRec) -> dict[str, Any]:
        d: dict[str, Any] = {"id": s.id, "name": s.name, "level": s.level, "aliases": s.aliases}
        if s.old_name and s.renamed_in is not None:
            d["former_names"] = [{"name": s.old_name, "until": f"{s.renamed_in}-08-14"}]
            d["note"] = f"Đổi tên từ ngày 15/8/{s.renamed_in} (dữ liệu mẫu)."
        if s.merged_in is not None and s.successor:
            d["valid_until"] = f"{s.merged_in}-06-30"
            d["successor"] = s.successor
            d["note"] = (f"Sáp nhập vào {self.school_by_id[s.successor].name} từ năm học "
                         f"{s.merged_in}-{s.merged_in + 1} (dữ liệu mẫu).")
        return d

    def person_dict(self, p: PersonRec) -> dict[str, Any]:
        d: dict[str, Any] = {"id": p.id, "name": p.name}
        if p.honorific:
            d["honorific"] = "Ông" if p.male else "Bà"
        if p.phone:
            d["contact"] = {"phone": p.phone}
            if p.publish_phone:
                d["publish"] = ["phone"]
        if p.distinct_from:
            d["distinct_from"] = p.distinct_from
        return d

    def counts(self) -> dict[str, int]:
        bodies = [b for f in self.year_files.values() for b in f["bodies"]]
        documents = sum(len(f["documents"]) for f in self.year_files.values()) + len(CITED)
        # Pages as portal.pages makes them: hubs, years, offices, schools and their years,
        # bodies per year, people, documents, changes between years.
        school_years: set[tuple[int, str]] = set()
        for (year, office), content in self.year_files.items():
            school_years.update((year, s.id) for s in self.schools.get(office, []))
            for body in content["bodies"]:
                for m in body["members"]:
                    for key in ("unit", "school"):
                        if m.get(key) in self.school_by_id:
                            school_years.add((year, m[key]))
        # Year-to-year changes: per office and pair of consecutive years, one page and one per body.
        diffs = 0
        for (year, office), content in self.year_files.items():
            before = self.year_files.get((year - 1, office))
            if before is not None:
                diffs += 1 + len({b["id"] for b in content["bodies"]} | {b["id"] for b in before["bodies"]})
            elif (year + 1, self.so_id) in self.year_files and office != self.so_id:  # carried on by the Sở
                diffs += 1 + len(content["bodies"])
        n_schools = len(self.school_by_id)
        pages = (6 + len(self.years) + len(self.offices) + n_schools + len(school_years) + len(bodies)
                 + len(self.people) + documents + diffs)
        return {"schools": n_schools, "people": len(self.people), "offices": len(self.offices),
                "school years": len(self.years), "year files": len(self.year_files), "bodies": len(bodies),
                "memberships": sum(len(b["members"]) for b in bodies), "documents": documents,
                "generated pages (estimate)": pages}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """The C dumper when there is one; never anchors and aliases (the checker refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: Any, value: str) -> Any:
    """Multi-line text as a literal block, as a clerk would type it."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


@dataclass(frozen=True)
class _Tagged:
    """A value with a MkDocs YAML tag (`!ENV [NAME, default]`, `!relative`, `!!python/name:...`), kept as is."""

    tag: str
    node: yaml.Node


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(node.tag, node)


def _emit_tag(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    return value.node


_ConfigLoader.add_multi_constructor("!", _keep_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
_ConfigDumper.add_representer(_Tagged, _emit_tag)


def mkdocs_config() -> str:
    """The repository's mkdocs.yml, reduced to the generated pages (as tests/test_pages.py does):
    docs_dir content/ (empty), no extra_css, the portal plugin on data/ with the sample data on
    (every office here is made up), only the hub pages in the nav (the top-level entries that
    are one page: the hand-written section is left out)."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    portal = {"data_dir": "data", "sample_data": True}
    plugins = []
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "portal" in entry:
            entry = {"portal": {**(entry["portal"] or {}), **portal}}
        plugins.append(entry)
    nav = [entry for entry in config.get("nav") or []
           if isinstance(entry, dict) and all(isinstance(v, str) for v in entry.values())]
    config.update(docs_dir="content", site_dir="site", extra_css=[],
                  plugins=plugins or [{"portal": portal}], nav=nav or HUB_NAV, strict=False)
    config["site_name"] = f"Tổ cốt cán — tỉnh {PROVINCE} (dữ liệu mẫu)"
    for key in ("watch", "hooks", "extra_javascript"):
        config.pop(key, None)
    return yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sinh dữ liệu mẫu cấp tỉnh (tổng hợp, tất định).")
    parser.add_argument("--out", type=Path, required=True, help="thư mục ra (data/, content/, mkdocs.yml)")
    parser.add_argument("--schools", type=int, default=1000, help="số trường ở --scale 1")
    parser.add_argument("--subjects", type=int, default=20, help=f"số môn, tối đa {len(SUBJECTS)}")
    parser.add_argument("--years", type=int, default=10, help=f"số năm học, năm cuối {LAST_YEAR}-{LAST_YEAR + 1}")
    parser.add_argument("--offices", type=int, default=8, help="số Phòng GDĐT (huyện), chấm dứt ngày 30/6/2025")
    parser.add_argument("--scale", type=float, default=1.0, help="nhân số trường (0.1: một phần mười)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--check", action="store_true", help="nạp lại và kiểm tra dữ liệu vừa sinh")
    args = parser.parse_args(argv)
    if args.years < 1 or args.schools < 1 or args.scale <= 0:
        parser.error("--years, --schools and --scale must be positive")
    data = args.out / "data"
    if data.exists():  # a previous run: start clean so no stale file stays
        for path in sorted(data.rglob("*"), reverse=True):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()
    province = Province(round(args.schools * args.scale), args.subjects, args.years, args.offices, args.seed)
    province.run()
    counts = province.write(args.out)
    for name, value in counts.items():
        print(f"{name}: {value}")
    if args.check:
        from portal.load import load
        from portal.problems import report

        portal, problems = load(data)
        if not any(p.severity == "error" for p in problems):
            try:
                from portal.pages import Pages
            except ImportError as error:  # the core is being edited: the data check still stands
                print(f"generated pages (portal.pages): not counted ({error})")
            else:
                print(f"generated pages (portal.pages): {sum(1 for _ in Pages(portal).all())}")
        print(report(problems))
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
