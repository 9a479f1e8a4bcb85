NAV = [("考核驾驶舱", "assessment:cockpit"), ("述法与年度报告", "assessment:reports")]
