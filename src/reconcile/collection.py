"""`Claims`: a plain list of claims that displays itself well in a notebook.

Readers and `extract_claims` return one; any list of claims can be wrapped in one.

Examples
--------
>>> claims = Claims([Claim("The dam held", source="engineer", id="a"),
...                  Claim("The dam broke", source="radio", id="b")])
>>> claims
<Claims: 2 claims from 2 sources>
  id  source    stance   claim
  --  --------  -------  -------------
  a   engineer  asserts  The dam held
  b   radio     asserts  The dam broke
>>> claims == [claims[0], claims[1]]
True
"""

from __future__ import annotations

import html
from typing import Any

from reconcile._optional import import_optional
from reconcile._table import format_table
from reconcile.model import Claim

__all__ = ["Claims"]

# How many claims a display shows before it says how many more there are.
SHOWN = 10


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class Claims(list[Claim]):
    """A list of claims with a summary display (text and HTML) and ``to_pandas()``.

    It is a ``list`` in every other respect: index it, slice it, append to it.
    """

    def _sources(self) -> int:
        return len({c.source.id for c in self})

    def _rows(self) -> list[list[str]]:
        return [[c.id, c.source.id, c.stance.value, c.describe()] for c in self[:SHOWN]]

    def __repr__(self) -> str:
        head = f"<Claims: {_count(len(self), 'claim')} from {_count(self._sources(), 'source')}>"
        if not self:
            return head
        table = format_table(["id", "source", "stance", "claim"], self._rows(), max_width=50)
        more = f"\n  … and {len(self) - SHOWN} more" if len(self) > SHOWN else ""
        return head + "\n" + "\n".join("  " + line for line in table.splitlines()) + more

    def _repr_html_(self) -> str:
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell[:200])}</td>" for cell in row) + "</tr>"
            for row in self._rows()
        )
        more = f"<p>… and {len(self) - SHOWN} more claims</p>" if len(self) > SHOWN else ""
        return (
            f"<div><strong>Claims</strong>: {len(self)} claims from {self._sources()} sources"
            "<table><thead><tr><th>id</th><th>source</th><th>stance</th><th>claim</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>{more}</div>"
        )

    def to_pandas(self) -> Any:
        """The claims as a pandas DataFrame, one row per claim in list order.

        Examples
        --------
        >>> table = Claims([Claim("It rained", source="x", id="a")]).to_pandas()
        >>> table[["id", "text"]].values.tolist()
        [['a', 'It rained']]
        """
        pd = import_optional("pandas", extra="pandas", purpose="to_pandas()")
        columns = ["id", "text", "source", "via", "subject", "predicate", "value", "stance",
                   "time", "document"]  # fmt: skip
        rows = [
            [c.id, c.text, c.source.id, c.via, c.subject, c.predicate, c.value, c.stance.value,
             c.time, c.document]
            for c in self
        ]  # fmt: skip
        return pd.DataFrame(rows, columns=columns)
