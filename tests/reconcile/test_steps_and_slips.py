"""Which estimates stand for a timeline's step, and which version of one statement is the
slip: estimates built by hand."""

from __future__ import annotations

from datetime import date

from crosstally.claims import Claim
from crosstally.reconcile.flags import Estimate, revisions
from crosstally.reconcile.misquotes import _odd_one_out


def _estimate(value: float, doc: str, source: str, day: date, start: int = 0) -> Estimate:
    claim = Claim(
        doc, start, start + 1, "x", value, None, "exact", None, None, "people", "displaced",
        None, None, None, None, None,
    )  # fmt: skip
    return Estimate(claim, source, source, day, None, None)


def test_a_step_is_told_by_the_source_that_gave_both_figures():
    """The IOM's 1,250, then 1,650, which a provincial office also carries (and carried
    first): the step is the IOM's 1,250 → 1,650, not the IOM's to the province's."""
    estimates = [
        _estimate(1250, "a", "iom", date(2024, 5, 26)),
        _estimate(1650, "b", "province", date(2024, 5, 28)),
        _estimate(1650, "c", "iom", date(2024, 5, 31)),
    ]
    (step,) = revisions(estimates, disputed=False)
    assert (step.earlier.source_key, step.later.source_key, step.later.claim.doc) == ("iom", "iom", "c")


def test_a_transposed_toll_above_the_next_step_is_the_slip_though_parts_follow():
    """1,127 and 1,172 from one statement; the toll later stood at 1,135. Parts of the toll
    that fall into its measure the next day (12 who died in hospital, 59 bodies in the
    morgue) are no step of it: 1,172, above where the toll went, is the slip."""
    day = date(2013, 5, 13)
    usual = [_estimate(1127, "post", "army", day)]
    odd = [_estimate(1172, "review", "army", day)]
    others = [
        _estimate(12, "post", "army", date(2013, 5, 14), 5),
        _estimate(59, "post", "army", date(2013, 5, 14), 9),
        _estimate(1135, "review", "ilo", date(2014, 4, 3), 7),
    ]
    assert _odd_one_out(odd, usual, {}, others)
    assert not _odd_one_out(usual, odd, {}, others)
