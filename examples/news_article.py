"""A news article end to end: extract attributed claims, link them, score them, explain.

The article below is invented for this example (a dam inspection in a fictional
valley), written the way wire copy is: a dateline naming the publisher, a minister's
post on a social platform relayed by a radio station, an engineer quoted over two
paragraphs, a utility's denial of "reports", and unnamed officials quoted by an
agency. Run it with ``python examples/news_article.py``.
"""

from __future__ import annotations

import reconcile as rc

ARTICLE = """\
Engineers report cracks in Korven dam

LISSA (Valley Courier) — Water Minister Anna Brekke said the Korven dam had passed its \
emergency inspection and posed no danger to the towns below it, Radio Lissa reported.

"The dam is safe and the spillway is working normally," Brekke wrote on Twitter on \
March 3.

"Residents do not need to leave their homes."

Chief engineer Tomas Ilves, who led the inspection, said cracks had been found in the \
eastern wall of the dam.

"We found three cracks in the eastern wall. Two of them are new," Ilves told Radio \
Lissa. He added that the reservoir should be lowered by two metres as a precaution.

A spokeswoman for Korven Power, which runs the dam, said in a statement that reports \
of cracks in the eastern wall "are not true."

Unnamed officials quoted by the Nordic Wire agency said the reservoir would be lowered \
by two metres this week.
"""


def main() -> None:
    claims = rc.extract_claims(ARTICLE, published="2026-03-04T08:00:00+00:00")
    print(f"{len(claims)} claims extracted\n")
    for claim in claims:
        record = claim.meta["attribution"]
        kind = "quote" if record["quote"] else "paraphrase"
        print(f"- {claim.source.id} [{claim.source.kind}] {claim.stance} ({kind})")
        print(f"    via: {' -> '.join(claim.via) or '-'}")
        print(f"    {claim.text}")

    graph = rc.link(claims)
    print(f"\n{graph}")
    result = rc.score(graph)
    print(f"\n{result}\n")
    cracks = [c for c in claims if "cracks" in c.text]
    for claim in cracks:
        print(result.explain(claim))
        print()


if __name__ == "__main__":
    main()
