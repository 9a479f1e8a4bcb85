"""The importer splits real plans into sections and numbered tasks and suggests units and deadlines."""

import datetime as dt
import json
from pathlib import Path

import openpyxl
from django.core.management import call_command

from yifa.lib.deadlines import last_day_before as day_before
from yifa.lib.office import docx_from_text
from yifa.lib.task_tables import find_header
from yifa.plans.parsing import find_deadline, parse_plan, plan_text
from yifa.plans.plan_units import match_unit

from .plan_texts import ARABIC_COMMA, ARABIC_DOT, CIRCLED_ITEMS, CLEAN_NESTED, THREE_LEVELS, TRAILING_LINES

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_16a98f4a12487e66.txt"
EVALUATION = Path(__file__).resolve().parent / "evaluation"
D = dt.date


def seed_plan():
    return parse_plan(SEED.read_text(encoding="utf-8"), year=2022)


def test_seed_has_seven_sections_one_to_seven():
    plan = seed_plan()
    assert [s.number for s in plan.sections] == ["一", "二", "三", "四", "五", "六", "七"]
    assert plan.sections[0].title == "完善行政决策机制"
    assert plan.sections[6].title == "加强组织领导"


def test_seed_has_nineteen_tasks_with_numbers_standing_mid_paragraph():
    tasks = seed_plan().tasks
    assert [t.number for t in tasks] == [str(n) for n in range(1, 20)]
    assert tasks[0].title == "完善行政决策机制"
    assert tasks[9].title == "积极探索规范行政处罚自由裁量权工作"
    assert tasks[18].title == "要把加强依法行政摆上重要位置"
    # The full paragraph is kept, including the sentence written before the number.
    assert tasks[0].text.startswith("未经审查或者经审查不合法的政府和政府部门不得作出决策")
    assert "法制机构负责人应当列席会议" in tasks[0].text


def test_seed_tasks_fall_in_their_sections():
    counts = [len(s.tasks) for s in seed_plan().sections]
    assert counts == [5, 2, 4, 3, 2, 2, 1]


def test_seed_task_one_due_the_day_before_the_first_of_may_although_the_year_was_left_out():
    # “年5月1日前”: the rule must exist before 1 May begins, so the last day is 30 April (issue #10 item 5).
    task = seed_plan().tasks[0]
    assert task.deadline_text == "年5月1日前"
    assert task.due == D(2022, 4, 30)
    assert "法制机构" in task.units


def test_seed_dates_in_text_are_not_taken_for_task_numbers():
    titles = [t.title for t in seed_plan().tasks]
    assert not any(title.startswith(("月", "日")) for title in titles)


def test_seed_opening_paragraph_obligations_are_listed_as_preamble_tasks():
    pre = seed_plan().preamble_tasks
    by_text = {t.title: t for t in pre}
    plan = next(t for t in pre if "第一季度拟定年度依法行政计划" in t.title)
    assert plan.due == D(2022, 3, 31) and plan.deadline_text == "每年第一季度"
    report = next(t for t in pre if "年底前向上市政府" in t.title)
    assert report.due == D(2022, 12, 31)
    copy = next(t for t in pre if "抄报市政府法制办" in t.title)
    assert copy.units == ["市政府法制办"]
    assert any("专人负责" in t for t in by_text)
    # Guiding ideology and the lead-in sentence are not obligations.
    assert not any("邓小平理论" in t or "以下工作" in t for t in by_text)


def test_training_task_names_the_legal_office_and_every_township_and_department():
    task = seed_plan().tasks[16]
    assert task.units == ["市政府法制办", "各乡镇各部门"]


def test_clean_nested_plan_tasks_are_the_second_level_with_explicit_units_and_deadlines():
    plan = parse_plan(CLEAN_NESTED)
    assert plan.year == 2026
    assert [(s.number, s.title) for s in plan.sections] == [
        ("一", "健全依法决策机制"),
        ("二", "规范行政执法"),
        ("三", "加强组织保障"),
    ]
    first = plan.sections[0].tasks[0]
    assert (first.number, first.title) == ("一", "严格落实重大行政决策程序")
    assert first.units == ["市司法局", "各乡镇各部门"]
    assert first.due == D(2026, 3, 31)
    assert "1.目录报市政府审定" in first.text  # deeper levels stay in the task's text
    assert plan.sections[0].tasks[1].due is None
    assert plan.sections[0].tasks[1].deadline_text == "长期坚持"
    second = plan.sections[1].tasks
    assert second[0].due == D(2026, 6, 30) and second[0].units == ["市市场监管局", "市生态环境局"]
    assert second[1].due == D(2026, 6, 30)  # 上半年
    assert second[2].due == D(2026, 9, 30)  # 第三季度
    assert plan.sections[2].tasks[0].due == D(2026, 12, 31)


def test_three_level_plan_puts_tasks_at_the_third_level_numbered_on_across_sections():
    plan = parse_plan(THREE_LEVELS)
    assert [[t.number for t in s.tasks] for s in plan.sections] == [["1"], ["2", "3", "4"]]
    two, three, four = plan.sections[1].tasks
    assert two.title == "推行“高效办成一件事”"
    assert two.lead == ["市发展改革委"]
    assert two.cooperating[:2] == ["市政务服务局", "市司法局"]
    assert two.units[0] == "市发展改革委"
    assert two.due == D(2026, 9, 30)
    assert three.title == "12345热线提质行动"  # digits after the task's number are no decimal
    assert three.lead == ["市市场监管局"]
    assert four.lead == ["市司法局"] and four.due is None and four.deadline_text == "长期坚持"
    assert "（二）加强法治保障" not in three.text  # a heading above the tasks closes the task before it


def test_units_on_lines_after_the_task_lead_and_cooperate():
    plan = parse_plan(TRAILING_LINES, year=2026)
    first, second = plan.tasks
    assert (first.number, first.lead, first.cooperating) == ("1", ["市发改委"], ["各乡镇", "市统计局"])
    assert first.due is None  # “6%左右” is no date and no task number
    assert second.lead == ["市工信局"] and second.deadline_text == "持续推进" and second.due is None


def test_unit_names_are_matched_against_the_unit_tree_and_unknown_ones_listed():
    tree = ["江临市发展和改革委员会", "发改委", "江临市司法局", "司法局", "江临市市场监督管理局", "市场监管局"]
    assert match_unit("市发展改革委", tree) == "江临市发展和改革委员会"
    assert match_unit("市司法局", tree) in {"江临市司法局", "司法局"}
    assert match_unit("市市场监管局", tree) == "市场监管局"
    assert match_unit("市政务服务局", tree) is None
    plan = parse_plan(THREE_LEVELS, unit_names=tree)
    assert plan.unknown_units == ["市政务服务局"]
    assert plan.as_dict()["unknown_units"] == ["市政务服务局"]


def test_arabic_numbered_plan_restarts_numbering_in_each_section():
    plan = parse_plan(ARABIC_DOT)
    assert plan.year == 2025
    assert [[t.number for t in s.tasks] for s in plan.sections] == [["1", "2"], ["1", "2", "3"]]
    tasks = plan.tasks
    assert tasks[0].title == "制定重大事项决策规则，5月1日前完成"
    assert tasks[0].due == D(2025, 4, 30)
    assert tasks[1].due == D(2025, 12, 31)
    assert tasks[2].due == D(2025, 6, 30)
    assert tasks[3].due == D(2025, 12, 31)  # 全年
    assert tasks[4].due is None


def test_plan_numbered_with_enumeration_comma_and_parenthesised_subitems():
    plan = parse_plan(ARABIC_COMMA)
    assert [[t.number for t in s.tasks] for s in plan.sections] == [["1", "2"], ["1", "2"]]
    assert plan.tasks[1].due == D(2024, 12, 3)  # 12月4日前
    mediation = plan.sections[1].tasks[0]
    assert mediation.title == "完善人民调解组织，上半年完成"
    assert "（2）建立调解台账" in mediation.text
    assert plan.sections[1].tasks[1].due == D(2024, 3, 31)  # 三月底前


def test_circled_numbers_stay_inside_their_task():
    plan = parse_plan(CIRCLED_ITEMS)
    tasks = plan.tasks
    assert [t.title for t in tasks] == ["规范执法程序", "加强执法监督，二季度开展专项检查"]
    assert "②推行执法全过程记录" in tasks[0].text
    assert tasks[1].due == D(2026, 6, 30)


def test_deadline_phrases_resolve_in_the_plan_year():
    cases = {
        "5月1日前": D(2023, 4, 30),
        "3月1日之前": D(2023, 2, 28),
        "4月1日以前": D(2023, 3, 31),
        "每年第一季度": D(2023, 3, 31),
        "年底前": D(2023, 12, 31),
        "二季度": D(2023, 6, 30),
        "第三季度": D(2023, 9, 30),
        "上半年": D(2023, 6, 30),
        "三月底前": D(2023, 3, 31),
        "9月底前": D(2023, 9, 30),
        "全年": D(2023, 12, 31),
        "2024年2月底前": D(2024, 2, 29),
        "2024年3月1日前": D(2024, 2, 29),
        "10月份": D(2023, 10, 31),
        "6月30日": D(2023, 6, 30),
    }
    for text, due in cases.items():
        assert find_deadline(f"要在{text}完成", 2023).due == due, text
    for no_date in ("长期坚持", "持续推进"):
        found = find_deadline(f"此项工作{no_date}", 2023)
        assert found.text == no_date and found.due is None
    assert find_deadline("年至少参与两次学习", 2023) is None
    assert find_deadline("5年内培养人才", 2023) is None
    assert find_deadline("持续优化服务，6月底前完成", 2023).due == D(2023, 6, 30)


def test_the_day_before_rule_crosses_months_and_years():
    assert day_before(D(2025, 5, 1)) == D(2025, 4, 30)
    assert day_before(D(2024, 3, 1)) == D(2024, 2, 29)  # leap year
    assert find_deadline("2027年1月1日前", 2026).due == D(2026, 12, 31)


def test_docx_and_gb18030_text_are_read():
    docx = docx_from_text("民政局2025年依法行政工作计划", ARABIC_DOT.splitlines()[1:])
    assert len(parse_plan(plan_text(docx, "计划.docx")).tasks) == 5
    assert len(parse_plan(plan_text(ARABIC_DOT.encode("gb18030"), "计划.txt")).tasks) == 5


def test_a_task_table_header_is_found_below_a_title_and_its_columns_read(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["附件：2026年重点任务分工表"])
    ws.append([])
    ws.append(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"])
    ws.append([1, "编制行政许可事项清单", "市政府办", "各县区", "2026年10月底前"])
    ws.append([2, "开展执法案卷评查", "市司法局", "", "长期坚持"])
    path = tmp_path / "分工表.xlsx"
    wb.save(path)
    plan = parse_plan(plan_text(path.read_bytes(), path.name), year=2026)
    first, second = plan.tasks
    assert (first.number, first.title, first.lead, first.cooperating) == (
        "1",
        "编制行政许可事项清单",
        ["市政府办"],
        ["各县区"],
    )
    assert first.due == D(2026, 10, 31)
    assert second.lead == ["市司法局"] and second.due is None and second.deadline_text == "长期坚持"
    assert find_header([["标题"], ["说明文字"], ["序号", "重点任务", "责任单位"]])[0] == 2


def test_a_real_table_from_docx_and_xlsx_gives_the_same_tasks():
    for name in ("chongchuan_2023.xlsx", "chongchuan_2023.docx"):
        path = EVALUATION / name
        plan = parse_plan(plan_text(path.read_bytes(), name), year=2023)
        assert [t.number for t in plan.tasks] == ["24", "25", "26"], name
        assert {tuple(t.lead) for t in plan.tasks} == {("城管局",)}, name
        assert plan.tasks[0].title == "优化提升50条背街后巷交通组织", name


def test_a_workbook_without_a_task_table_is_refused_with_a_message(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    path = tmp_path / "通讯录.xlsx"
    wb.save(path)
    try:
        plan_text(path.read_bytes(), path.name)
    except ValueError as exc:
        assert "没有找到任务表" in str(exc)
    else:
        raise AssertionError("a workbook without a task table was read")


def test_cli_prints_the_seed_as_json_and_writes_nothing(db, capsys):
    from yifa.core.models import Event

    call_command("plan", "parse", str(SEED), "--year", "2022", "--json")
    data = json.loads(capsys.readouterr().out)
    assert [s["number"] for s in data["sections"]] == list("一二三四五六七")
    tasks = [t for s in data["sections"] for t in s["tasks"]]
    assert len(tasks) == 19
    assert tasks[0] == {
        **tasks[0],
        "number": "1",
        "title": "完善行政决策机制",
        "due": "2022-04-30",
        "deadline_text": "年5月1日前",
    }
    assert set(tasks[0]) == {"number", "title", "text", "units", "deadline_text", "due"}
    assert data["preamble"].startswith("年底前向上市政府")
    assert any(t["due"] == "2022-03-31" for t in data["preamble_tasks"])
    assert Event.objects.count() == 0


def test_cli_reads_a_task_table_from_xlsx(db, capsys):
    call_command("plan", "parse", str(EVALUATION / "chongchuan_2023.xlsx"), "--year", "2023", "--json")
    data = json.loads(capsys.readouterr().out)
    tasks = [t for s in data["sections"] for t in s["tasks"]]
    assert [t["number"] for t in tasks] == ["24", "25", "26"]
    assert tasks[1]["units"][0] == "城管局"


def test_two_numbers_standing_in_one_paragraph_make_two_tasks():
    text = "某局工作安排\n\n一、规范执法\n加强监督,1开展案卷评查。统一标准。组织培训,2落实持证上岗。年底前完成。\n"
    tasks = parse_plan(text, year=2024).tasks
    assert [(t.number, t.title) for t in tasks] == [("1", "开展案卷评查"), ("2", "落实持证上岗")]
    assert tasks[0].text == "加强监督,1开展案卷评查。统一标准。"
    assert tasks[1].text == "组织培训,2落实持证上岗。年底前完成。"
    assert tasks[1].due == D(2024, 12, 31) and tasks[0].due is None
