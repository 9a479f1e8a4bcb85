"""Importing a unit's ledger: table 三 counted by the report's rules, the identity holding, and bad input
named by line and rule with nothing written."""

import datetime as dt
import io
import json
import random

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from yifa.core.models import Deadline, Event, ImportJob
from yifa.disclosure.ledger import COLUMNS
from yifa.disclosure.models import Outcome, Request

D = dt.date
pytestmark = pytest.mark.django_db
KINDS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
OUTCOMES = list(Outcome.labels)


def _xlsx(path, rows, header=COLUMNS):
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _csv(path, rows, header=COLUMNS, bom=True):
    lines = [",".join(header)] + [",".join("" if v is None else str(v) for v in row) for row in rows]
    path.write_bytes(("\ufeff" if bom else "").encode() + "\n".join(lines).encode("utf-8"))
    return path


def _report(year, unit="江临市民政局"):
    out = io.StringIO()
    call_command("disclosure", "report", "--year", str(year), "--unit", unit, "--json", stdout=out)
    return json.loads(out.getvalue())


def _ledger(n=600, seed=11):
    """Requests received from late 2023 to late 2025; some answered the next year, some still open."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        received = D(2023, 11, 1) + dt.timedelta(days=rng.randint(0, 780))
        replied = received + dt.timedelta(days=rng.randint(0, 60))
        still_open = rng.random() < 0.06 or replied > D(2026, 11, 30)
        rows.append(
            [
                received.isoformat(),
                rng.choice(KINDS),
                f"申请人{i}",
                f"关于第{i}号事项的政府信息",
                "" if still_open else rng.choice(OUTCOMES),
                "" if still_open else replied.strftime("%Y/%m/%d"),
            ]
        )
    return rows


def _expected(rows, year):
    """Table 三 counted by hand from the rules in the issue (independent of the module's queries)."""
    start, end = D(year, 1, 1), D(year, 12, 31)

    def parse(text):
        return dt.date(*map(int, text.replace("/", "-").split("-"))) if text else None

    def counts(pred):
        c = [sum(1 for r in rows if r[1] == k and pred(parse(r[0]), parse(r[5]), r[4])) for k in KINDS]
        return [*c, sum(c)]

    table = {
        "本年新收政府信息公开申请数量": counts(lambda rec, rep, o: start <= rec <= end),
        "上年结转政府信息公开申请数量": counts(lambda rec, rep, o: rec < start and (rep is None or rep >= start)),
    }
    for label in OUTCOMES:
        table[label] = counts(lambda rec, rep, o, label=label: o == label and rep and start <= rep <= end)
    table["总计"] = counts(lambda rec, rep, o: rep is not None and start <= rep <= end)
    table["结转下年度继续办理"] = counts(lambda rec, rep, o: rec <= end and (rep is None or rep > end))
    return table


def test_several_hundred_requests_over_two_years_give_table_3_and_the_identity_holds(cast, tmp_path):
    rows = _ledger()
    call_command("disclosure", "import", str(_xlsx(tmp_path / "台账.xlsx", rows)), "--unit", "江临市民政局")
    assert Request.objects.filter(unit=cast["民政局"], imported=True).count() == 600
    for year in (2024, 2025):
        figures = _report(year)
        got = {r["row"]: r["counts"] for r in figures["table3"]}
        assert list(got) == list(_expected(rows, year))
        assert got == _expected(rows, year)
        assert figures["identity_holds"] is True
        assert got["本年新收政府信息公开申请数量"][6] > 200
    # The open ones run on their reply clocks like any request.
    open_count = sum(1 for r in rows if not r[4])
    assert Deadline.objects.filter(rule_id="disclosure.reply").count() == open_count


def test_a_small_ledger_counted_by_hand(cast, tmp_path):
    rows = [
        ["2024-12-20", "自然人", "甲", "A", "", ""],  # open: carried into 2025 and out of 2025
        ["2024-12-30", "商业企业", "乙", "B", "予以公开", "2025-01-06"],  # carried in, handled 2025
        ["2025-03-03", "自然人", "丙", "C", "不予公开：属于国家秘密", "2025-03-20"],
        ["2025-12-29", "科研机构", "丁", "D", "", ""],  # new, carried out
        ["2025-12-30", "其他", "戊", "E", "部分公开", "2026-01-05"],  # new, carried out (answered next year)
        ["2024-05-06", "自然人", "己", "F", "予以公开", "2024-05-20"],  # nothing to do with 2025
    ]
    call_command("disclosure", "import", str(_csv(tmp_path / "台账.csv", rows)), "--unit", "民政局")
    got = {r["row"]: r["counts"] for r in _report(2025)["table3"]}
    assert got["本年新收政府信息公开申请数量"] == [1, 0, 1, 0, 0, 1, 3]
    assert got["上年结转政府信息公开申请数量"] == [1, 1, 0, 0, 0, 0, 2]
    assert got["予以公开"] == [0, 1, 0, 0, 0, 0, 1]
    assert got["不予公开：属于国家秘密"] == [1, 0, 0, 0, 0, 0, 1]
    assert got["部分公开"] == [0] * 7
    assert got["总计"] == [1, 1, 0, 0, 0, 0, 2]
    assert got["结转下年度继续办理"] == [1, 0, 1, 0, 0, 1, 3]


@pytest.mark.parametrize(
    "row, line, words",
    [
        (["2025-02-30", "自然人", "甲", "A", "", ""], 3, ["第3行", "收到日期“2025-02-30”不是有效日期"]),
        (["2025-02-03", "自然人", "甲", "A", "同意公开", "2025-02-10"], 3, ["第3行", "“同意公开”", "第五十条"]),
        (
            ["2025-02-03", "自然人", "甲", "A", "予以公开", "2025-01-10"],
            3,
            ["第3行", "答复日期2025-01-10早于收到日期", "第三十三条"],
        ),
        (["2025-02-03", "个体户", "甲", "A", "", ""], 3, ["第3行", "申请人类型“个体户”"]),
    ],
)
def test_a_bad_row_is_named_by_line_and_rule_and_nothing_is_written(cast, tmp_path, row, line, words):
    good = ["2025-02-03", "自然人", "乙", "B", "予以公开", "2025-02-10"]
    events = Event.objects.count()
    with pytest.raises(CommandError) as err:
        call_command("disclosure", "import", str(_xlsx(tmp_path / "台账.xlsx", [good, row])), "--unit", "江临市民政局")
    for w in words:
        assert w in str(err.value)
    assert Request.objects.count() == 0 and Event.objects.count() == events


def test_a_missing_column_is_named_and_nothing_is_written(cast, tmp_path):
    header = [c for c in COLUMNS if c != "答复日期"]
    path = _csv(tmp_path / "台账.csv", [["2025-02-03", "自然人", "乙", "B", ""]], header=header, bom=False)
    with pytest.raises(CommandError, match="第1行表头缺少列：答复日期"):
        call_command("disclosure", "import", str(path), "--unit", "江临市民政局")
    assert Request.objects.count() == 0


def test_import_on_the_staff_page_lists_every_bad_line(cast, login, tmp_path):
    rows = [["2025-02-03", "自然人", "乙", "B", "予以公开", "2025-02-10"], ["2025-13-01", "自然人", "甲", "A", "", ""]]
    path = _xlsx(tmp_path / "台账.xlsx", rows)
    c = login(cast["minzheng_liaison"])
    with path.open("rb") as f:
        response = c.post("/staff/disclosure/import/", {"unit": cast["民政局"].pk, "file": f})
    assert response.status_code == 302
    job = c.get(response.url).content.decode()
    assert "失败（一行也未写入）" in job and "第3行：收到日期“2025-13-01”不是有效日期" in job
    assert Request.objects.count() == 0
    with _xlsx(tmp_path / "好.xlsx", rows[:1]).open("rb") as f:
        response = c.post("/staff/disclosure/import/", {"unit": cast["民政局"].pk, "file": f})
    assert "已导入 1 行" in c.get(response.url).content.decode() and Request.objects.count() == 1


def test_the_page_shows_the_rows_checked_then_written_all_at_once(cast, login, tmp_path, monkeypatch):
    """A long ledger is checked by the task worker with its progress on the job page (polled while it runs);
    nothing is written while rows are being checked, then every row in one transaction and one audit event."""
    from yifa.core import imports

    monkeypatch.setattr(imports, "PROGRESS_EVERY", 100)
    seen = []
    real_validating, real_writing = imports.JobProgress.validating, imports.JobProgress.writing

    def validating(self, done, total):
        real_validating(self, done, total)
        job = ImportJob.objects.get(pk=self.job_id)
        if job.done != done:  # not saved for this row: the page still shows the last step
            return
        page = c.get(f"/staff/imports/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
        seen.append((job.status, job.done, job.total, Request.objects.count(), "hx-trigger" in page, page))

    def writing(self, total):
        real_writing(self, total)
        seen.append(("writing", 0, total, Request.objects.count(), None, ""))

    monkeypatch.setattr(imports.JobProgress, "validating", validating)
    monkeypatch.setattr(imports.JobProgress, "writing", writing)
    rows = _ledger(n=450)
    c = login(cast["minzheng_liaison"])
    with _xlsx(tmp_path / "台账.xlsx", rows).open("rb") as f:
        response = c.post("/staff/disclosure/import/", {"unit": cast["民政局"].pk, "file": f})
    checked = [s for s in seen if s[0] == "validating"]
    assert [s[1] for s in checked] == [100, 200, 300, 400, 450] and all(s[2] == 450 for s in checked)
    assert all(s[3] == 0 for s in checked)  # nothing written while the rows are checked
    assert all(s[4] for s in checked)  # the page keeps polling while the job runs
    assert "已校验 200/450 行" in checked[1][5] and 'value="44"' in checked[1][5]
    assert seen[-1][:4] == ("writing", 0, 450, 0)
    job = ImportJob.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))
    assert job.status == "done" and job.total == 450 and job.options == {"unit": cast["民政局"].pk}
    assert Request.objects.filter(unit=cast["民政局"], imported=True).count() == 450
    event = Event.objects.get(action="disclosure.import")
    assert event.data["rows"] == 450 and event.data["sm3"] == job.sm3 and event.data["unit"] == "江临市民政局"
    assert not Event.objects.filter(action__in=("disclosure.import_open", "disclosure.import_closed")).exists()
    done = c.get(response.url).content.decode()
    assert "已导入 450 行" in done and 'href="/staff/disclosure/requests/"' in done and "hx-trigger" not in done
    assert login(cast["jiaotong_liaison"]).get(response.url).status_code == 403


def test_imported_requests_are_numbered_in_their_year_of_receipt_after_those_already_registered(
    cast, register, tmp_path
):
    first = register(dt.date(2025, 3, 3))
    rows = [
        ["2025-02-03", "自然人", "乙", "B", "予以公开", "2025-02-10"],
        ["2024-12-30", "商业企业", "丙", "C", "", ""],
        ["2025-01-06", "其他", "丁", "D", "", ""],
    ]
    call_command("disclosure", "import", str(_csv(tmp_path / "台账.csv", rows)), "--unit", "江临市民政局")
    numbers = dict(Request.objects.filter(imported=True).values_list("applicant_kind", "number"))
    assert first.number == "民政局依申请〔2025〕1号"
    assert numbers == {
        "business": "民政局依申请〔2024〕1号",
        "other": "民政局依申请〔2025〕2号",
        "person": "民政局依申请〔2025〕3号",
    }
    codes = list(Request.objects.values_list("lookup_code", flat=True))
    assert len(set(codes)) == 4 and all(len(code) == 8 for code in codes)
    # The open ones run on their reply clocks from the day of receipt (第三十三条第二款).
    opened = Request.objects.get(applicant_kind="business")
    clock = Deadline.objects.get(rule_id="disclosure.reply", subject_id=str(opened.pk))
    assert clock.start == dt.date(2024, 12, 30) and clock.status == "running" and clock.unit == cast["民政局"]


def test_another_unit_cannot_import_into_this_one(cast, login, tmp_path):
    with _xlsx(tmp_path / "台账.xlsx", [["2025-02-03", "自然人", "乙", "B", "予以公开", "2025-02-10"]]).open("rb") as f:
        response = login(cast["jiaotong_liaison"]).post(
            "/staff/disclosure/import/", {"unit": cast["民政局"].pk, "file": f}
        )
    assert response.status_code == 400 and Request.objects.count() == 0
