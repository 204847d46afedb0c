"""The timeline stage: what the agreements' own words say about time. Periods after §§ 187,
188 BGB (periods.py), the state of an agreement on any date (lifecycle.py), deadlines and
recurring duties as a calendar, amendments applied to their base, a clause's history."""
