"""Alerts: saved rules (query + codebook filters) × new reports or events → webhook / Telegram bot.

``check_alerts`` scans what arrived since each rule's watermark, matches it in Python (the same
lemma-or-prefix semantics as full-text search, so both backends agree), claims one
``alert_deliveries`` row per (rule, item, channel) — the unique key makes each alert go out once,
even with several workers checking at the same time — and sends it:

- webhook: JSON POST with an ``Idempotency-Key`` header (the delivery id), so a receiver can drop
  the rare resend after a crash between sending and recording;
- Telegram bot: ``sendMessage`` over the Bot API (base URL configurable; plain text, no parse mode,
  so nothing in a post can inject markup).

Failed sends are retried with back-off inside a run and again in later runs, up to
``max_attempts``; then the delivery is marked failed (visible in ``sitrep alerts list``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from pydantic import SecretStr

from sitrep.pipeline import parse_query
from sitrep.settings import Settings
from sitrep.store import Store
from sitrep.store.fts import prefix_arm  # the same prefix rule as search
from sitrep.store.watch import (
    AlertRule,
    EventRow,
    ReportRow,
    claim_delivery,
    delivery_attempts,
    event_by_id,
    events_since,
    finish_delivery,
    list_rules,
    move_watermark,
    pending_deliveries,
    report_by_id,
    reports_since,
)

FILTER_KEYS = ("event_type", "grievance", "unit", "place", "channel")
# Items committed late (a long ingest transaction) can carry a first-seen time a little before the
# newest one already scanned: the watermark trails by this margin; the delivery key drops repeats.
WATERMARK_MARGIN = timedelta(minutes=10)
TELEGRAM_MAX_CHARS = 4096  # Bot API limit for one message


class DeliveryError(Exception):
    """A send failed; ``retry`` says whether trying again may help (network, 5xx, 429)."""

    def __init__(self, reason: str, retry: bool) -> None:
        super().__init__(reason)
        self.retry = retry


@dataclass(frozen=True, slots=True)
class Notification:
    rule: str
    kind: str  # report | event
    item_id: str
    title: str
    text: str
    url: str | None
    channel: str | None
    published_at: datetime | None

    def as_json(self, delivery_id: int) -> dict[str, object]:
        return {
            "delivery_id": delivery_id,
            "rule": self.rule,
            "kind": self.kind,
            "id": self.item_id,
            "title": self.title,
            "text": self.text,
            "url": self.url,
            "channel": self.channel,
            "published_at": self.published_at.isoformat() if self.published_at else None,
        }

    def as_message(self) -> str:
        parts = [f"sitrep alert «{self.rule}»: {self.title}", self.text]
        if self.url:
            parts.append(self.url)
        return "\n\n".join(parts)[:TELEGRAM_MAX_CHARS]


class Sender:
    """Sends notifications; the HTTP client and sleep are seams (tests use a local server)."""

    def __init__(
        self,
        http: httpx.Client | None = None,
        bot_token: SecretStr | None = None,
        bot_api_base: str = "https://api.telegram.org",
        timeout: float = 10.0,
        tries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.http = http or httpx.Client()
        self.bot_token = bot_token  # a SecretStr: never in a repr; the URL holding it is redacted in logs
        if bot_token is not None:
            _redact_in_httpx_logs(bot_token.get_secret_value())
        self.bot_api_base = bot_api_base.rstrip("/")
        self.timeout = timeout
        self.tries = tries
        self.sleep = sleep

    def _post(self, url: str, payload: dict[str, object], headers: dict[str, str], what: str) -> None:
        delay = 1.0
        for attempt in range(1, self.tries + 1):
            try:
                resp = self.http.post(url, json=payload, headers=headers, timeout=self.timeout)
                if resp.status_code < 300:
                    return
                retry = resp.status_code >= 500 or resp.status_code == 429
                error = DeliveryError(f"{what}: HTTP {resp.status_code}", retry)
            except httpx.HTTPError as exc:
                error = DeliveryError(f"{what}: {type(exc).__name__}", True)
            if not error.retry or attempt == self.tries:
                raise error
            self.sleep(delay)
            delay *= 2  # 1 s, 2 s, 4 s …: enough for a restarting receiver, short enough for a run
        raise AssertionError("unreachable")

    def webhook(self, url: str, note: Notification, delivery_id: int) -> None:
        self._post(url, note.as_json(delivery_id), {"Idempotency-Key": f"sitrep-{delivery_id}"}, "webhook")

    def telegram(self, chat_id: str, note: Notification) -> None:
        if not self.bot_token:
            raise DeliveryError("no Telegram bot token (set SITREP_TELEGRAM_BOT_TOKEN)", False)
        url = f"{self.bot_api_base}/bot{self.bot_token.get_secret_value()}/sendMessage"
        self._post(
            url, {"chat_id": chat_id, "text": note.as_message(), "disable_web_page_preview": True}, {}, "telegram"
        )


def sender_from_settings(settings: Settings) -> Sender:
    """A sender with the bot token and Bot API base of the settings (``telegram_bot_token`` comes
    from the environment or a file, never from the database; it is only put in the request URL)."""
    token = settings.telegram_bot_token
    return Sender(
        bot_token=token if token and token.get_secret_value() else None, bot_api_base=settings.telegram_bot_api
    )


class _Redact(logging.Filter):
    """Hides secrets in log records (httpx logs request URLs at INFO; the Bot API URL holds the token)."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "<bot-token>")
            record.msg, record.args = message, None
        return True


_REDACT = _Redact()


def _redact_in_httpx_logs(secret: str) -> None:
    if secret:
        _REDACT.secrets.add(secret)
        for name in ("httpx", "httpcore"):
            logger = logging.getLogger(name)
            if _REDACT not in logger.filters:
                logger.addFilter(_REDACT)


@dataclass
class AlertRun:
    matched: int = 0
    sent: int = 0
    failed: int = 0
    errors: list[str] | None = None


def _query_matches(query: str | None, bodies: list[str]) -> bool:
    if not query:
        return True
    groups, prefixes = parse_query(query)
    if not groups:
        return True
    arms = [prefix if prefix_arm(prefix) else "" for prefix in prefixes]
    for body in bodies:
        tokens = set(body.split())
        if all(
            alts & tokens or (arm and any(t.startswith(arm) for t in tokens))
            for alts, arm in zip(groups, arms, strict=True)
        ):
            return True
    return False


def _facet_ok(wanted: str, values: set[str]) -> bool:
    w = wanted.casefold()
    return any(w == v.casefold() or w in v.casefold() for v in values)


def report_matches(rule: AlertRule, row: ReportRow) -> bool:
    channel = rule.filters.get("channel")
    if channel and channel.casefold() not in {row.channel.casefold(), (row.channel_title or "").casefold()}:
        return False
    return _query_matches(rule.query, [row.search_body])


def event_matches(rule: AlertRule, ev: EventRow) -> bool:
    for key in FILTER_KEYS:
        wanted = rule.filters.get(key)
        if wanted and not _facet_ok(wanted, ev.facets.get(key, set())):
            return False
    return _query_matches(rule.query, [r.search_body for r in ev.reports])


def _report_note(rule: AlertRule, row: ReportRow) -> Notification:
    text = row.text if len(row.text) <= 600 else row.text[:600] + "…"
    title = f"new report in {row.channel_title or row.channel}"
    return Notification(rule.name, "report", str(row.id), title, text, row.url, row.channel, row.published_at)


def _event_note(rule: AlertRule, ev: EventRow) -> Notification:
    first = ev.reports[0] if ev.reports else None
    text = first.text[:600] if first else ""
    places = ", ".join(sorted(ev.facets.get("place", set()))[:3])
    title = (
        f"new event: {ev.event_type}"
        + (f" ({places})" if places else "")
        + (f" {ev.event_date}" if ev.event_date else "")
    )
    return Notification(
        rule.name,
        "event",
        ev.id,
        title,
        text,
        first.url if first else None,
        first.channel if first else None,
        first.published_at if first else None,
    )


def check_alerts(store: Store, sender: Sender, max_attempts: int = 5) -> AlertRun:
    """Match new items against every active rule, then send every pending delivery."""
    run = AlertRun(errors=[])
    rules = {r.id: r for r in list_rules(store, active_only=True)}
    for rule in rules.values():
        newest: datetime | None = None
        if rule.on_kind == "report":
            for row in reports_since(store, rule.watermark_at):
                newest = max(newest, row.first_seen_at) if newest and row.first_seen_at else row.first_seen_at
                if report_matches(rule, row):
                    run.matched += 1
                    _claim(store, rule, "report", str(row.id))
        else:
            for ev in events_since(store, rule.watermark_at):
                newest = max(newest, ev.created_at) if newest and ev.created_at else ev.created_at
                if event_matches(rule, ev):
                    run.matched += 1
                    _claim(store, rule, "event", ev.id)
        if newest is not None:
            move_watermark(store, rule.id, newest - WATERMARK_MARGIN)
    for delivery_id, rule_id, kind, item_id, channel in pending_deliveries(store, max_attempts):
        active = rules.get(rule_id)
        if active is None:
            continue  # the rule was switched off: its pending deliveries wait
        rule = active
        note = _note(store, rule, kind, item_id)
        if note is None:
            finish_delivery(store, delivery_id, False, f"{kind} {item_id} no longer exists", give_up=True)
            continue
        try:
            if channel == "webhook" and rule.webhook_url:
                sender.webhook(rule.webhook_url, note, delivery_id)
            elif channel == "telegram" and rule.telegram_chat_id:
                sender.telegram(rule.telegram_chat_id, note)
            finish_delivery(store, delivery_id, True, None, give_up=False)
            run.sent += 1
        except DeliveryError as exc:
            attempts = delivery_attempts(store, delivery_id) + 1
            give_up = not exc.retry or attempts >= max_attempts
            finish_delivery(store, delivery_id, False, str(exc), give_up=give_up)
            run.failed += 1
            assert run.errors is not None
            run.errors.append(f"rule {rule.name}: {exc}")
    return run


def _claim(store: Store, rule: AlertRule, kind: str, item_id: str) -> None:
    if rule.webhook_url:
        claim_delivery(store, rule.id, kind, item_id, "webhook")
    if rule.telegram_chat_id:
        claim_delivery(store, rule.id, kind, item_id, "telegram")


def _note(store: Store, rule: AlertRule, kind: str, item_id: str) -> Notification | None:
    if kind == "report":
        row = report_by_id(store, int(item_id))
        return None if row is None else _report_note(rule, row)
    ev = event_by_id(store, item_id)
    return None if ev is None else _event_note(rule, ev)
