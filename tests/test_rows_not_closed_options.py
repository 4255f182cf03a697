"""GL001's `extra-methods` option: the names are matched even in files the default
prefilter words would skip."""

from __future__ import annotations

from goleaklint import engine

SOURCE = b"""package p

func count(c *Client) (int, error) {
	cur, err := c.Fetch("SELECT 1")
	if err != nil {
		return 0, err
	}
	n := 0
	if cur.Next() {
		n++
	}
	return n, nil
}
"""


def test_extra_methods_are_matched_and_trigger_the_rule() -> None:
    # The file contains none of Query/Prepare/Rows: a configured rule reads every file.
    found = engine.analyze_source("p.go", SOURCE, ("GL001",), {"GL001": {"extra-methods": ["Fetch"]}})
    assert [f.line for f in found.findings] == [4]
    assert "`cur` from c.Fetch" in found.findings[0].message


def test_without_the_option_fetch_is_not_a_query() -> None:
    assert engine.analyze_source("p.go", SOURCE, ("GL001",), {}).findings == []
