"""The annual statistics table as an Excel workbook."""

from yifa.lib.office import xlsx_table


def statistics_xlsx(year: int, stats: dict) -> bytes:
    rows = [[r["kind"], r["n"], float(r["amount"])] for r in stats["table"]]
    rows.append(["合计", stats["total"]["n"], float(stats["total"]["amount"])])
    holding = stats["holding"]
    rows.append([f"执法证持证率 {holding['rate']}%", holding["holding"], holding["total"]])
    return xlsx_table(f"{year}年度行政处罚统计", ["处罚种类（按最重处罚计一次）", "案件数", "罚没金额（元）"], rows)
