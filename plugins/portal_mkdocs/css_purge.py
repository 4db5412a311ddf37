"""A stylesheet without the rules that can match nothing on a built site.

A selector is dropped only when it names an element, attribute, class or id that no page
and no script of the site has (portal_mkdocs/site_names.py); a rule goes when all its
selectors do, an @media or @supports block when all its rules do, a custom property
(`--md-admonition-icon--note`) when nothing left reads it (no `var()` in the kept rules,
no page, no script), and an @keyframes when no kept rule names its animation. Whatever
this module cannot read for sure is kept: whatever is inside `:not()` and `:has()`, every
other pseudo-class and pseudo-element, every at-rule but @media, @supports and @keyframes.
`:is(a, b)` and `:where(a, b)` may match when `a` or `b` may. Comments (and the source
map's link) are dropped; the rest is written in the same order, minified as Material's
own sheet is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TypeAlias

import tinycss2
from tinycss2.ast import (
    AtRule,
    Declaration,
    FunctionBlock,
    HashToken,
    IdentToken,
    LiteralToken,
    Node,
    QualifiedRule,
    SquareBracketsBlock,
    StringToken,
)

from .site_names import SiteNames

# At-rules holding rules that are purged in turn; any other at-rule is kept whole.
GROUPING = frozenset({"media", "supports", "layer", "container"})
# Pseudo-classes that match when one of their selectors does (`:is(.admonition,details)`);
# what :not() and :has() hold is never read.
ANY_OF = frozenset({"is", "where", "matches", "-webkit-any", "-moz-any"})
KEYFRAMES = frozenset({"keyframes", "-webkit-keyframes"})


@dataclass(frozen=True)
class Style:
    """A style rule: its selectors and its declarations (or nested rules)."""
    prelude: list[Node]
    body: list[Node]

    def serialize(self) -> str:
        selectors = str(tinycss2.serialize(self.prelude)).strip()
        return selectors + "{" + ";".join(str(item.serialize()) for item in self.body) + "}"


@dataclass(frozen=True)
class Group:
    """An @media, @supports... block and the rules it holds."""
    rule: AtRule
    rules: list[Rule]

    def serialize(self) -> str:
        head = f"@{self.rule.at_keyword}{tinycss2.serialize(self.rule.prelude)}".rstrip()
        return head + "{" + "".join(str(rule.serialize()) for rule in self.rules) + "}"


Rule: TypeAlias = "Style | Group | AtRule"  # AtRule: any other at-rule, kept as it is


def purge(css: str, names: SiteNames) -> str:
    """`css` without the rules no page of the site can match."""
    rules = _matching(_read(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)), names)
    while True:  # a property read only by a dropped one goes in the next round
        read = set(_reads(rules)) | names.custom_properties
        fewer, dropped = _without_unread(rules, read)
        rules = fewer
        if not dropped:
            break
    animations = set(_reads(rule for rule in rules if not _is_keyframes(rule)))
    return "".join(rule.serialize() for rule in rules
                   if not _is_keyframes(rule) or _keyframes_name(rule) in animations)


def names_asked(css: str) -> frozenset[str]:
    """Every name purge() may look up in a SiteNames for `css`: each identifier, string and
    #name in it, as written and in lower case. A SiteNames cut to these (SiteNames.within)
    purges `css` to the same bytes, and a scan of 60,000 pages need keep no other name."""
    asked: set[str] = set()
    for node in _nodes(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)):
        if isinstance(node, (IdentToken, StringToken, HashToken)):
            asked.update((node.value, node.value.lower()))
    return frozenset(asked)


def _nodes(nodes: Iterable[Node]) -> Iterator[Node]:
    """The nodes and every node inside them (rules' preludes and blocks, functions' arguments)."""
    for node in nodes:
        yield node
        for attribute in ("prelude", "content", "arguments"):
            children = getattr(node, attribute, None)
            if isinstance(children, list):
                yield from _nodes(children)


def _read(nodes: Iterable[Node]) -> list[Rule]:
    rules: list[Rule] = []
    for node in nodes:
        if isinstance(node, QualifiedRule):
            body = tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
            rules.append(Style(node.prelude, [item for item in body
                                              if isinstance(item, (Declaration, QualifiedRule, AtRule))]))
        elif isinstance(node, AtRule) and node.lower_at_keyword in GROUPING and node.content is not None:
            rules.append(Group(node, _read(tinycss2.parse_rule_list(
                node.content, skip_comments=True, skip_whitespace=True))))
        elif isinstance(node, AtRule):
            rules.append(node)
        # parse errors and stray tokens: a browser ignores them too
    return rules


def _matching(rules: list[Rule], names: SiteNames) -> list[Rule]:
    kept: list[Rule] = []
    for rule in rules:
        if isinstance(rule, Style):
            if any(_may_match(selector, names) for selector in _selectors(rule.prelude)):
                kept.append(rule)
        elif isinstance(rule, Group):
            inner = _matching(rule.rules, names)
            if inner:
                kept.append(replace(rule, rules=inner))
        else:
            kept.append(rule)
    return kept


def _without_unread(rules: list[Rule], read: set[str]) -> tuple[list[Rule], bool]:
    """The rules without the custom properties nothing reads, and whether any went."""
    kept: list[Rule] = []
    dropped = False
    for rule in rules:
        if isinstance(rule, Style):
            body = [item for item in rule.body if not (isinstance(item, Declaration)
                                                       and item.name.startswith("--") and item.name not in read)]
            dropped |= len(body) < len(rule.body)
            if body:
                kept.append(replace(rule, body=body))
        elif isinstance(rule, Group):
            inner, went = _without_unread(rule.rules, read)
            dropped |= went
            if inner:
                kept.append(replace(rule, rules=inner))
        else:
            kept.append(rule)
    return kept, dropped


def _reads(rules: Iterable[Rule]) -> Iterator[str]:
    """Every identifier the rules' values use: custom properties read through var(),
    animation names... (not the names of the properties they set)."""
    for rule in rules:
        if isinstance(rule, Style):
            for item in rule.body:
                yield from _idents(item.value if isinstance(item, Declaration) else [item])
        elif isinstance(rule, Group):
            yield from _reads(rule.rules)
        else:
            yield from _idents([*rule.prelude, *(rule.content or [])])


def _idents(nodes: Iterable[Node]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, (IdentToken, StringToken)):
            yield node.value
        for attribute in ("prelude", "content", "arguments", "value"):
            children = getattr(node, attribute, None)
            if isinstance(children, list):
                yield from _idents(children)


def _selectors(prelude: list[Node]) -> Iterator[list[Node]]:
    selector: list[Node] = []
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            yield selector
            selector = []
        else:
            selector.append(token)
    yield selector


def _may_match(selector: list[Node], names: SiteNames) -> bool:
    """False only when the selector names something the site never has."""
    previous: Node | None = None
    for token in selector:
        if not _part_may_match(token, previous, names):
            return False
        previous = token
    return True


def _part_may_match(token: Node, previous: Node | None, names: SiteNames) -> bool:
    after_dot = isinstance(previous, LiteralToken) and previous.value == "."
    after_colon = isinstance(previous, LiteralToken) and previous.value == ":"
    if isinstance(token, IdentToken):
        if after_dot:
            return names.has_class(token.value)
        return after_colon or names.has_element(token.value)  # a pseudo-class's name, or a type
    if isinstance(token, HashToken) and token.is_identifier:
        return names.has_id(token.value)
    if isinstance(token, SquareBracketsBlock):
        return _attribute_may_match(token, names)
    if isinstance(token, FunctionBlock) and after_colon and token.lower_name in ANY_OF:
        return any(_may_match(inner, names) for inner in _selectors(token.arguments))
    return True


def _attribute_may_match(block: SquareBracketsBlock, names: SiteNames) -> bool:
    parts = [token for token in block.content if token.type != "whitespace"]
    if not parts or not isinstance(parts[0], IdentToken):
        return True  # a namespace or something unusual: keep
    if not names.has_attribute(parts[0].value):
        return False
    exact = len(parts) == 3 and isinstance(parts[1], LiteralToken) and parts[1].value == "="
    if exact and isinstance(parts[2], (IdentToken, StringToken)):
        return names.has_value(parts[2].value)
    return True  # ~=, ^=, *=, a flag: the name is enough


def _is_keyframes(rule: Rule) -> bool:
    return isinstance(rule, AtRule) and rule.lower_at_keyword in KEYFRAMES


def _keyframes_name(rule: Rule) -> str:
    prelude = rule.prelude if isinstance(rule, AtRule) else []
    return next((token.value for token in prelude if isinstance(token, (IdentToken, StringToken))), "")
