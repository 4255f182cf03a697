"""The rule registry: a plain list, in code order. A new rule adds its module here."""

from __future__ import annotations

from importlib import resources

from goleaklint.model import Rule
from goleaklint.rules import (
    blocking_send,
    body_not_closed,
    cancel_not_called,
    goroutine_without_exit,
    invalid_suppression,
    missing_timeout,
    nested_pool_acquire,
    per_request_client,
    rows_not_closed,
    send_under_lock,
    ticker_not_stopped,
    unbuffered_notify_channel,
)

ALL_RULES: list[Rule] = [
    invalid_suppression.RULE,
    rows_not_closed.RULE,
    unbuffered_notify_channel.RULE,
    blocking_send.RULE,
    send_under_lock.RULE,
    per_request_client.RULE,
    missing_timeout.RULE,
    nested_pool_acquire.RULE,
    body_not_closed.RULE,
    cancel_not_called.RULE,
    ticker_not_stopped.RULE,
    goroutine_without_exit.RULE,
]

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in ALL_RULES}


def query_text(rule: Rule) -> str:
    return (resources.files("goleaklint") / "queries" / f"{rule.stem}.scm").read_text("utf-8")


class UnknownRuleError(ValueError):
    pass


def resolve(selectors: list[str]) -> set[str]:
    """Codes for a list of selectors: codes (GL002), prefixes (GL0) or names."""
    codes: set[str] = set()
    for selector in selectors:
        selector = selector.strip()
        if not selector:
            continue
        if selector.upper() == "ALL":
            codes |= set(BY_CODE)
        elif selector in BY_NAME:
            codes.add(BY_NAME[selector].code)
        else:
            matched = {code for code in BY_CODE if code.startswith(selector.upper())}
            if not matched or not selector.upper().startswith("GL"):
                raise UnknownRuleError(
                    f"unknown rule {selector!r} (see `goleaklint rules` for codes and names)"
                )
            codes |= matched
    return codes


def select(select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    chosen = resolve(select) if select else set(BY_CODE)
    chosen -= resolve(ignore or [])
    return [rule for rule in ALL_RULES if rule.code in chosen]
