"""Every path a reader can take through the helper, as the browser script takes it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .data import NOT_SURE


@dataclass
class Walk:
    """One way through the helper: the signs ticked, each answer chosen, the outcome."""
    signs: tuple[str, ...] = ()
    answers: list[tuple[str, str]] = field(default_factory=list)  # (step id, answer id)
    shown: list[str] = field(default_factory=list)  # step ids in the order shown; "advice:ID" for sign advice
    outcome: str | None = None

    def describe(self) -> str:
        ticked = f"signs ticked: {', '.join(self.signs)}; " if self.signs else ""
        steps = " > ".join(f"{step}={answer}" for step, answer in self.answers)
        return f"{ticked}{steps} > {self.outcome}"


def _choices(step: dict):
    """(signs ticked, answer) pairs a reader can pick at this step."""
    answers = step.get("answers") or []
    if step.get("type") != "signs":
        for answer in answers:
            yield (), answer
        return
    ids = [sign.get("id") for sign in step.get("signs") or []]
    # Each sign's advice stands alone, so none, each one alone and all of them cover every
    # way of ticking (all 2^n ways would be thousands of paths for a few more signs).
    ways = [()] + [(sid,) for sid in ids] + ([tuple(ids)] if len(ids) > 1 else [])
    for answer in answers:
        if answer.get("id") == NOT_SURE:
            yield (), answer
            continue
        for ticked in ways:
            yield ticked, answer


def walks(data: dict, limit: int = 10000) -> list[Walk]:
    """Every path from "start" to an outcome (or to where it breaks off: outcome None)."""
    steps = data.get("steps") or {}
    done: list[Walk] = []

    def go(step_id: str, walk: Walk):
        if len(done) >= limit:
            return
        step = steps.get(step_id)
        walk.shown.append(step_id)
        if step is None or step.get("type") == "outcome":
            walk.outcome = step_id if step is not None else None
            done.append(walk)
            return
        if walk.shown.count(step_id) > 1:  # a loop: stop here
            done.append(walk)
            return
        choices = list(_choices(step))
        if not choices:
            done.append(walk)
            return
        for ticked, answer in choices:
            branch = Walk(walk.signs + ticked, walk.answers + [(step_id, answer.get("id"))], list(walk.shown))
            branch.shown += [f"advice:{sign}" for sign in ticked]
            go(answer.get("next"), branch)

    if data.get("start") in steps:
        go(data["start"], Walk())
    return done


def question_walks(data: dict) -> list[Walk]:
    """The paths with no sudden sign and no warning sign ticked: one per way through the questions."""
    steps = data.get("steps") or {}

    def plain(walk: Walk) -> bool:
        for step_id, answer_id in walk.answers:
            kind = (steps.get(step_id) or {}).get("type")
            if kind == "sudden" and answer_id != "no":
                return False
            if kind == "signs" and answer_id == NOT_SURE:
                return False
        return not walk.signs and bool(walk.answers)
    return [w for w in walks(data) if plain(w)]


def said_once(sign_ids: list[str], step: dict) -> list[str]:
    """The ticked signs whose advice the helper shows, in order: two ticks that meet one rule
    (the part that twitches feels weak, or stiff) give it once, under the first of them."""
    advice = {sign["id"]: sign.get("advice") or {} for sign in step.get("signs") or []}
    said, shown = set(), []
    for sid in sign_ids:
        rule = (advice.get(sid, {}).get("card"), advice.get(sid, {}).get("item"))
        if rule not in said:
            said.add(rule)
            shown.append(sid)
    return shown
