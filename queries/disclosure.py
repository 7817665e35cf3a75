"""Disclosure control for the suppressed roles: primary and complementary cell suppression.

The rules (CONTRACT.md §4, docs/privacy.md) and how this module carries them out:

1. Primary suppression. Every count cell (a column named on the SQL header's `counts:` line)
   from 1 to `min_cell` − 1 is hidden, in any row; and where a group count of a `suppress:` line
   is below `min_cell`, that count and the figures derived from it are hidden (the row-group
   rule). A count of 0 reveals no person and stays when only the first rule applies.
2. Complementary suppression over a *bundle*: the answer asked for is never suppressed on its
   own. The layer runs the query for every value of each `margins:` filter and without it (the
   cube a user could ask for one by one), plus every query tied to it by a `rollup:` line (the
   same facts in another query), and collects the linear relations between their count cells:
   - a filter margin: the cell without the filter = the sum of the cells per filter value
     + a remainder (rows without a value, or counted twice);
   - a `sums:` line: a total column = the sum of part columns (`>=`: + an unpublished rest);
   - a `rollup:` line: a cell of the other query = the sum of the matching cells of this one
     + a remainder.
   Remainders are unpublished cells: they are counts of children too (e.g. open referrals under
   six weeks = open_total − open_over_6_weeks).
3. Every relation is checked: when exactly one unknown cell (hidden, or a non-zero remainder) is
   left in it, or the unknown cells on one side add up to 1..min_cell − 1, the smallest visible
   non-zero cell of the relation is hidden as well (the rule of tau-Argus and sdcTable). Then the
   whole system is audited: a hidden cell that the relations fix by linear algebra (its unit
   vector lies in the row space of the relations over the unknown cells) gets a second hidden
   cell too. This repeats until nothing can be worked out.
4. The pattern is a function of the bundle, and every bundle holds the whole cube and its tied
   queries whatever slice is asked, so one filter value, the unfiltered answer and a tied query
   all show the same cells hidden (the relations of one school year never touch another's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from queries.layer import Query, Rollup

# A cell: (query, its run's key as sorted (name, value) pairs, column).
Key = tuple[tuple[str, object], ...]
CellId = tuple[str, Key, str]
SOLVED_MAX = 16  # solved bundles kept per source (a waiting-time bundle holds ~30,000 cells)
YEAR_COLUMN = "school_year"  # a function of every grain it appears in; part of the cell key


@dataclass
class Cells:
    """The count cells of a bundle and the relations between them (Σ coef × value = 0).

    Cells are numbered (`id`): the work below hashes small integers, not nested tuples. Ties
    are broken by the text of the CellId (`order`), so the pattern does not depend on the
    numbering."""

    ids: dict[CellId, int] = field(default_factory=dict)
    names: list[CellId] = field(default_factory=list)
    value: list[int] = field(default_factory=list)
    hidden: set[int] = field(default_factory=set)
    unpublished: set[int] = field(default_factory=set)
    relations: list[list[tuple[int, int]]] = field(default_factory=list)
    _texts: dict[int, str] = field(default_factory=dict)

    def id(self, cell: CellId, value: int | None = None) -> int:
        """The number of a cell, given its value the first time it is seen."""
        if cell not in self.ids:
            self.ids[cell] = len(self.names)
            self.names.append(cell)
            self.value.append(0 if value is None else value)
        return self.ids[cell]

    def order(self, cell: int) -> str:
        """The text of a cell (repr of its CellId), the tie-breaker of every choice."""
        if cell not in self._texts:
            self._texts[cell] = repr(self.names[cell])
        return self._texts[cell]

    def add_relation(self, total: int, parts: list[int], label: str) -> None:
        """total = Σ parts + remainder, the remainder named after the total's key and column and
        `label`, which must tell this relation from any other on the same total (two `sums`
        lines on one total have different rests). Names come from the relation's content only:
        they order the relations, and so the pattern, the same way in every bundle."""
        _, key, column = self.names[total]
        self.relate([total], parts, ("~" + label, key, column))

    def relate(self, totals: list[int], parts: list[int], remainder: CellId) -> None:
        """Σ totals = Σ parts + the cell `remainder`, which becomes an unpublished cell."""
        rest = sum(self.value[c] for c in totals) - sum(self.value[c] for c in parts)
        cell = self.id(remainder)
        self.value[cell] = rest
        self.unpublished.add(cell)
        self.relations.append([*((1, c) for c in totals), *((-1, c) for c in parts),
                               (-1, cell)])

    def unknown(self, cell: int) -> bool:
        """A cell the user cannot read (a zero remainder counts as known: it may be public)."""
        return (cell in self.hidden or cell in self.unpublished) and self.value[cell] != 0

    def must_protect(self, cell: int, min_cell: int) -> bool:
        """Hidden cells must never be derivable; remainders only when they are 1..min_cell−1."""
        return cell in self.hidden or 0 < abs(self.value[cell]) < min_cell


Relation = list[tuple[int, int]]  # (coefficient, cell)


def _smallest_visible(cells: Cells, relation: Relation) -> int | None:
    candidates = [c for _, c in relation
                  if c not in cells.hidden and c not in cells.unpublished and cells.value[c] != 0]
    return min(candidates, key=lambda c: (cells.value[c], cells.order(c)), default=None)


def _unsafe(cells: Cells, relation: Relation, min_cell: int) -> bool:
    unknown = [(coef, c) for coef, c in relation if cells.unknown(c)]
    if len(unknown) == 1:
        return cells.must_protect(unknown[0][1], min_cell)
    signs = {(coef > 0) == (cells.value[c] > 0) for coef, c in unknown}
    together = abs(sum(cells.value[c] for _, c in unknown))
    return len(unknown) > 1 and len(signs) == 1 and 0 < together < min_cell


def _determined(cells: Cells, relations: list[Relation], min_cell: int) -> list[int]:
    """Protected unknown cells whose value the relations fix (ignoring bounds of 0 and up).

    Exact sparse Gauss-Jordan elimination over the unknown cells (visible cells are constants):
    in the reduced row echelon form a cell is fixed iff it is a pivot whose row holds no free
    cell, i.e. its unit vector lies in the row space of the relations (whatever the pivots)."""
    pivots: dict[int, dict[int, Fraction | int]] = {}
    holders: dict[int, set[int]] = {}  # cell -> the pivots whose rows hold it
    for relation in relations:
        row: dict[int, Fraction | int] = {}
        for coef, cell in relation:
            if cells.unknown(cell):
                row[cell] = row.get(cell, 0) + coef
        for cell in [c for c in row if c in pivots]:
            factor = row.get(cell, 0)
            if factor:
                for c, v in pivots[cell].items():
                    row[c] = row.get(c, 0) - factor * v
        row = {c: v for c, v in row.items() if v}
        if not row:
            continue
        # A pivot of ±1 keeps the arithmetic in integers (the relations' coefficients are ±1,
        # so it nearly always can).
        pivot = min(row, key=lambda c: (abs(row[c]) != 1, cells.order(c)))
        scale = row[pivot]
        row = {c: (v * scale if abs(scale) == 1 else Fraction(v) / scale) for c, v in row.items()}
        for held in list(holders.get(pivot, ())):
            other = pivots[held]
            factor = other[pivot]
            for c, v in row.items():
                new = other.get(c, 0) - factor * v
                if new:
                    other[c] = new
                    holders.setdefault(c, set()).add(held)
                else:
                    other.pop(c, None)
                    holders[c].discard(held)
        pivots[pivot] = row
        for c in row:
            holders.setdefault(c, set()).add(pivot)
    return sorted((c for c, row in pivots.items()
                   if len(row) == 1 and cells.must_protect(c, min_cell)), key=cells.order)


def _components(cells: Cells) -> list[list[Relation]]:
    """The relations split into groups that share no cell (solved one by one, so the pattern
    of one group never depends on another: a slice of a bundle is suppressed as the whole),
    each in the order of its text."""
    parent = list(range(len(cells.names)))

    def root(cell: int) -> int:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for relation in cells.relations:
        first = root(relation[0][1])
        for _, cell in relation[1:]:
            parent[root(cell)] = first
    groups: dict[int, list[Relation]] = {}
    for relation in cells.relations:
        groups.setdefault(root(relation[0][1]), []).append(relation)

    def text(relation: Relation) -> str:
        return "[" + ", ".join(f"({coef}, {cells.order(c)})" for coef, c in relation) + "]"

    return [sorted(g, key=text) for g in groups.values()]


def protect(cells: Cells, min_cell: int) -> None:
    """Complementary suppression in place: hide cells until no hidden cell, and no remainder
    from 1 to min_cell − 1, can be worked out from the visible cells and the relations."""
    for relations in _components(cells):
        _protect_group(cells, relations, min_cell, audit=len(relations) > 1)


def _protect_group(cells: Cells, relations: list[Relation], min_cell: int, audit: bool) -> None:
    """One group: fix unsafe relations; then, when several relations share cells, audit."""
    while True:
        changed = False
        for relation in relations:
            unsafe = _unsafe(cells, relation, min_cell)
            if unsafe and (pick := _smallest_visible(cells, relation)) is not None:
                cells.hidden.add(pick)
                changed = True
        if changed:
            continue
        if not audit:
            return
        for cell in _determined(cells, relations, min_cell):
            # the smallest visible cell of any relation the determined cell is in
            picks = [p for r in relations if any(c == cell for _, c in r)
                     if (p := _smallest_visible(cells, r)) is not None]
            if picks:
                cells.hidden.add(min(picks, key=lambda c: (cells.value[c], cells.order(c))))
                changed = True
        if not changed:
            return


def key_of(params: dict[str, object], row: dict[str, object], grain: tuple[str, ...]) -> Key:
    """The key of a row of a run: its parameters, overridden by its grain (and school year)."""
    key = dict(params)
    for name in (*grain, YEAR_COLUMN):
        if name in row:
            key[name] = row[name]
    return tuple(sorted(key.items(), key=lambda kv: kv[0]))


Condition = tuple[tuple[str, tuple[str, ...]], ...]


def _meets(key: dict[str, object], condition: Condition) -> bool:
    return all(str(key.get(name)) in values for name, values in condition)


def matches(total: dict[str, object], part: dict[str, object], part_grain: tuple[str, ...],
            condition: Condition, part_condition: Condition) -> bool:
    """Whether a cell keyed `part` is one of the cells that add up to the cell keyed `total`:
    shared names agree (a total without a filter takes every value of the part's breakdown),
    and whatever only the part has is a breakdown or an absent filter."""
    for name, value in part.items():
        if name in total:
            if total[name] != value and not (total[name] is None and name in part_grain):
                return False
        elif value is not None and name not in part_grain:
            return False
    return _meets(total, condition) and _meets(part, part_condition)


@dataclass(frozen=True)
class Source:
    """What the bundle needs from the layer: query metadata, binding, running SQL."""

    describe: Callable[[str], Query]
    names: Callable[[], list[str]]
    bind: Callable[[Query, dict[str, object]], dict[str, object]]
    run: Callable[[Query, dict[str, object]], pl.DataFrame]
    values: Callable[[str, str], list[object]]  # distinct non-null values of table.column
    # Bundles already solved, by their runs: queries tied to each other ask for the same
    # bundle (every one of them holds the others' cubes), which is solved once.
    solved: dict[frozenset[Run], Cells] = field(default_factory=dict)


Run = tuple[str, Key]  # a query and its parameters


def _cube(query: Query, base: dict[str, object], asked: dict[str, object],
          source: Source) -> list[dict[str, object]]:
    """Every parameter set of the query's filter cube: no margin set, or one margin at each of
    its values (and at the value asked for, even one not in the data). A suppressed role may
    set one margin at a time (the layer refuses two), so the cube grows with the sum of the
    margins' values, not their product: the waiting-time bundle of the demo runs in about 2 s
    instead of 11 s."""
    points = [dict(base, **{m.param: None for m in query.margins})]
    for margin in query.margins:
        values = source.values(margin.table, margin.param)
        if asked.get(margin.param) is not None and asked[margin.param] not in values:
            values = [*values, asked[margin.param]]
        points += [dict(points[0], **{margin.param: v}) for v in values]
    return points


def _tied(name: str, source: Source) -> list[str]:
    """The queries whose count cells are tied to those of `name` by rollup or sums lines, in
    either direction and transitively, per column (kpi_headline's `decided` ties it to the
    waiting queries, not to the prevention ones), in the order they are reached."""
    links: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for other in source.names():
        query = source.describe(other)
        pairs = [((other, r.column), (r.target, r.target_column))
                 for r in (*query.rollups, *query.equals)]
        pairs += [((other, total), (other, part)) for total, part, _ in query.totals]
        pairs += [((other, s.total), (other, p)) for s in query.sums for p in s.parts]
        for a, b in pairs:
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
    todo = [(name, c) for c in source.describe(name).counts]
    seen, order = set(todo), [name]
    while todo:
        for nxt in sorted(links.get(todo.pop(0), ()), key=repr):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
                if nxt[0] not in order:
                    order.append(nxt[0])
    return order


def frozen(params: dict[str, object]) -> Key:
    return tuple(sorted(params.items(), key=lambda kv: kv[0]))


def bundle(name: str, bound: dict[str, object], source: Source) -> dict[Run, pl.DataFrame]:
    """The runs suppression must see together: the cube of `name` and of every query tied to it
    (`_tied`), with the parameters asked for where a tied query shares them, required
    parameters at each value the other runs show, others at their defaults."""
    runs: dict[Run, pl.DataFrame] = {}
    for tied in _tied(name, source):
        current = source.describe(tied)
        margins = {m.param for m in current.margins}
        given = {k: v for k, v in bound.items()  # an absent filter is no choice to share
                 if k in {p.name for p in current.params} and k not in margins
                 and v is not None}
        required = [p.name for p in current.params if p.required and p.name not in given]
        choices: list[dict[str, object]] = [given]
        for param in required:
            values = sorted({v for f in runs.values() if param in f.columns
                             for v in f[param].drop_nulls().to_list()})
            choices = [dict(c, **{param: v}) for c in choices for v in values]
        for choice in choices:
            base = source.bind(current, choice)
            for point in _cube(current, base, bound, source):
                runs[(current.name, frozen(point))] = source.run(current, point)
    return runs


def collect(runs: dict[Run, pl.DataFrame], source: Source, min_cell: int) -> Cells:
    """The count cells of the runs, their primary suppression and every declared relation."""
    cells = Cells()
    by_query: dict[str, dict[str, list[tuple[dict[str, object], int]]]] = {}
    for (name, params), frame in runs.items():
        query = source.describe(name)
        groups = {rule.count for rule in query.suppress}
        for row in frame.iter_rows(named=True):
            key = key_of(dict(params), row, query.grain)
            for column in query.counts:
                cell = cells.id((name, key, column))
                value = int(row[column] or 0)
                cells.value[cell] = value
                if 0 < value < min_cell or (column in groups and value < min_cell):
                    cells.hidden.add(cell)
                by_query.setdefault(name, {}).setdefault(column, []).append((dict(key), cell))
            for rule in query.sums:
                total = cells.id((name, key, rule.total))
                parts = [cells.id((name, key, p)) for p in rule.parts]
                cells.add_relation(total, parts, f"{name}:{rule.total}={'+'.join(rule.parts)}")
    for name, columns in by_query.items():
        for margin in source.describe(name).margins:
            for entries in columns.values():
                groups: dict[Key, list[tuple[object, int]]] = {}
                for key, cell in entries:
                    rest = tuple((n, v) for n, v in sorted(key.items()) if n != margin.param)
                    groups.setdefault(rest, []).append((key.get(margin.param), cell))
                for group in groups.values():
                    parts = [c for v, c in group if v is not None]
                    for value, cell in group:
                        if value is None:
                            cells.add_relation(cell, parts, f"{name}:{margin.param}")
    for name in by_query:
        query = source.describe(name)
        for rollup in query.rollups:
            totals = by_query.get(rollup.target, {}).get(rollup.target_column, [])
            ignore = _own_settings(query, source.describe(rollup.target))
            entries = [({n: v for n, v in k.items() if n not in ignore}, c)
                       for k, c in by_query[name].get(rollup.column, [])]
            # Cells of this query that can add up to a total agree with it on every name
            # outside this query's grain (absent from the total: None): index them by those.
            fixed = sorted({n for k, _ in entries for n in k} - set(query.grain))
            index: dict[tuple[object, ...], list[tuple[dict[str, object], int]]] = {}
            for k, c in entries:
                index.setdefault(tuple(k.get(n) for n in fixed), []).append((k, c))
            for key, cell in totals:
                if not _meets(key, rollup.condition):
                    continue
                parts = [c for k, c in index.get(tuple(key.get(n) for n in fixed), [])
                         if matches(key, k, query.grain, rollup.condition,
                                    rollup.part_condition)]
                cells.add_relation(cell, parts, f"{name}:{rollup.column}"
                                   f"{rollup.part_condition}>{rollup.target}")
        for rule in query.equals:
            _add_equal(cells, by_query, query, source.describe(rule.target), rule)
        for total, part, per in query.totals:
            runs_of: dict[Key, tuple[list[int], list[int]]] = {}
            summed = set(query.grain) - set(per)
            for column, at in ((total, 0), (part, 1)):
                for key, cell in by_query[name].get(column, []):
                    fixed = tuple((n, v) for n, v in sorted(key.items()) if n not in summed)
                    runs_of.setdefault(fixed, ([], []))[at].append(cell)
            for totals, parts in runs_of.values():
                if totals:
                    first = min(totals, key=cells.order)
                    cells.add_relation(first, parts, f"{name}:{total}")
                    for other in totals:  # the same total on every row: one hidden, all hidden
                        if other != first:
                            cells.add_relation(first, [other],
                                               f"{name}:{total}={cells.order(other)}")
    return cells


def _own_settings(query: Query, other: Query) -> set[str]:
    """The settings of `query` (parameters with a default, such as the norm_days of `signals`)
    that `other` does not have: they change a figure, not which children are counted, so they
    are left out when cells of the two are matched. Filters and school years always count."""
    theirs = {p.name for p in other.params}
    return {p.name for p in query.params if p.default is not None and p.name not in theirs}


def _add_equal(cells: Cells, by_query: dict[str, dict[str, list[tuple[dict[str, object], int]]]],
               query: Query, target: Query, rule: Rollup) -> None:
    """An `equals` line: per answer (its school year and the parameters set, less each query's
    own settings and other grain columns), the sum of `rule.column` over this query's rows equals
    the sum of `rule.target_column` over the target's rows; the difference is a remainder."""
    sides: dict[Key, tuple[list[int], list[int]]] = {}
    for at, (owner, other, column, condition) in enumerate((
            (target, query, rule.target_column, rule.condition),
            (query, target, rule.column, rule.part_condition))):
        ignore = _own_settings(owner, other) | (set(owner.grain) - {YEAR_COLUMN})
        for key, cell in by_query.get(owner.name, {}).get(column, []):
            if _meets(key, condition):
                # an absent filter (None) is no part of the answer's identity
                fixed = tuple((n, v) for n, v in sorted(key.items())
                              if n not in ignore and v is not None)
                sides.setdefault(fixed, ([], []))[at].append(cell)
    for fixed, (totals, parts) in sides.items():
        if not totals or not parts:
            continue
        cells.relate(totals, parts, (f"~{query.name}:{rule.column}{rule.part_condition}="
                                     f"{target.name}{rule.condition}", fixed, rule.column))


def answers(query: Query, bound: dict[str, object], source: Source,
            min_cell: int) -> dict[Key, pl.DataFrame]:
    """The answers to `query` for a suppressed role at every point of the filter cube of
    `bound` (its margins left out or at each value), keyed by their bound parameters: every
    count hidden that the bundle's primary and complementary suppression hides, the figures
    derived from a hidden group count with it, and a boolean column `suppressed` (whether
    anything in the row was). One bundle serves the whole cube, so asking for one filter value
    costs as much as asking for all of them (queries/precomputed.py keeps them)."""
    runs = bundle(query.name, bound, source)
    if (cells := source.solved.get(frozenset(runs))) is None:
        cells = collect(runs, source, min_cell)
        protect(cells, min_cell)
        source.solved[frozenset(runs)] = cells
        if len(source.solved) > SOLVED_MAX:
            source.solved.pop(next(iter(source.solved)))
    return {params: _masked(query, dict(params), frame, cells)
            for (name, params), frame in runs.items() if name == query.name}


def _masked(query: Query, params: dict[str, object], frame: pl.DataFrame,
            cells: Cells) -> pl.DataFrame:
    hide: dict[str, list[bool]] = {c: [] for c in query.counts}
    for row in frame.iter_rows(named=True):
        key = key_of(params, row, query.grain)
        for column in query.counts:
            hide[column].append(cells.ids.get((query.name, key, column)) in cells.hidden)
    for rule in query.suppress:
        for column in rule.derived:
            hide[column] = [a or b for a, b in zip(hide.get(column, hide[rule.count]),
                                                   hide[rule.count], strict=True)]
    flags = pl.DataFrame({c: v for c, v in hide.items()}, schema={c: pl.Boolean for c in hide})
    return frame.with_columns(
        *(pl.when(flags[c]).then(None).otherwise(pl.col(c)).alias(c) for c in hide),
        (pl.any_horizontal(flags.get_columns()) if hide else pl.lit(False))
        .fill_null(False).alias("suppressed"),
    )
