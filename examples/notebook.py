"""reconcile in a notebook: tables, the claim graph, source trust and score plots.

A jupytext percent script; see the first markdown cell.
"""

# %% [markdown]
# # reconcile in a notebook
#
# A jupytext "percent" script: open it as a notebook (`jupytext --to notebook
# examples/notebook.py`) or run it as a script (`python examples/notebook.py`), which
# saves the figures to a temporary folder and prints where. It shows the demo claims
# as a table, their graph of corroboration and contradiction coloured by consensus,
# the trust of each source and the distribution of scores.

# %%
import os
import tempfile

import matplotlib

if __name__ == "__main__" and "JPY_PARENT_PID" not in os.environ:
    matplotlib.use("Agg")  # run as a script: draw to files, not to a window
import matplotlib.pyplot as plt

import reconcile as rc

claims = rc.datasets.load_demo()
graph = rc.link(claims)
result = rc.score(graph)
result  # noqa: B018  (a notebook cell shows the HTML table of scores and trust)

# %% [markdown]
# The graph of one question: who says what about the injured, and who disagrees.

# %%
fig, axes = plt.subplots(1, 2, figsize=(15, 6))
rc.plot(result, ax=axes[0])
rc.plot(graph, question="injured-count-mayor", ax=axes[1])
fig.tight_layout()

# %% [markdown]
# Sources by estimated trust, and how the scores spread.

# %%
fig2, (left, right) = plt.subplots(1, 2, figsize=(13, 4))
rc.plot_trust(result, ax=left)
rc.plot_scores(result, ax=right)
fig2.tight_layout()

# %%
if __name__ == "__main__":
    folder = tempfile.mkdtemp(prefix="reconcile-notebook-")
    for name, figure in (("graph.png", fig), ("trust_and_scores.png", fig2)):
        figure.savefig(os.path.join(folder, name), dpi=80)
    print(f"{len(graph)} claims, {graph.number_of_links} links; figures in {folder}")
    print(result.explain("injured-count-mayor"))
