"""The summary report of a screening run: HTML with static plots (matplotlib, SVG files beside
it, nothing loaded from another site) and the same figures as JSON.

``write_report(summary, "report.html")`` writes ``report.html``, ``report.json`` and
``report_files/*.svg``. Only counts appear: no note ids, no words from any note.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from nape.knowledge.schema import TRIAGE_ORDER
from nape.screen.output import Summary

TOP_CAUSES_SHOWN = 15
TOP_FLAGS_OVER_TIME = 6


def _plots(d: dict[str, Any], folder: Path) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    plt.rcParams["svg.hashsalt"] = "nape"  # the same figures give the same files
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}

    levels = [lv for lv in TRIAGE_ORDER if lv in d["triage_levels"]]
    if levels:
        fig, ax = plt.subplots(figsize=(7, 3))
        ax.barh(levels[::-1], [d["triage_levels"][lv] for lv in levels[::-1]], color="#3b6ea5")
        ax.set_xlabel("notes")
        ax.set_title("Notes by triage level")
        fig.tight_layout()
        fig.savefig(folder / "levels.svg")
        plt.close(fig)
        out["levels"] = "levels.svg"

    causes = list(d["leading_causes"].items())[:TOP_CAUSES_SHOWN]
    if causes:
        fig, ax = plt.subplots(figsize=(7, 0.35 * len(causes) + 1.2))
        ax.barh([c for c, _ in causes][::-1], [n for _, n in causes][::-1], color="#5a8f5a")
        ax.set_xlabel("notes")
        ax.set_title("Notes by most likely cause")
        fig.tight_layout()
        fig.savefig(folder / "causes.svg")
        plt.close(fig)
        out["causes"] = "causes.svg"

    months = list(d["notes_by_month"])
    flags = list(d["red_flags"])[:TOP_FLAGS_OVER_TIME]
    if months and flags:
        fig, ax = plt.subplots(figsize=(8, 3.5))
        for fid in flags:
            ax.plot(months, [d["red_flags_by_month"].get(m, {}).get(fid, 0) for m in months], marker="o", label=fid)
        ax.set_ylabel("notes with the red flag")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title("Red flags over time (by month of the note)")
        ax.tick_params(axis="x", labelrotation=45)
        ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1, 1))
        fig.tight_layout()
        fig.savefig(folder / "red_flags_over_time.svg")
        plt.close(fig)
        out["red_flags_over_time"] = "red_flags_over_time.svg"
    return out


def _table(title: str, rows: dict[str, int], head: str) -> str:
    if not rows:
        return ""
    body = "".join(f"<tr><td>{html.escape(k)}</td><td>{v:,}</td></tr>" for k, v in rows.items())
    return f"<h2>{html.escape(title)}</h2><table><tr><th>{head}</th><th>notes</th></tr>{body}</table>"


def write_report(summary: Summary, target: str) -> list[str]:
    """Write the HTML report, its JSON twin and its plots; returns the paths written."""
    from nape.knowledge.loader import default_kb

    path = Path(target)
    folder = path.with_name(path.stem + "_files")
    d = summary.to_dict()
    kb = default_kb()
    d["knowledge_base_version"] = kb.version
    plots = _plots(d, folder)
    d["plots"] = {k: f"{folder.name}/{v}" for k, v in plots.items()}
    img = "".join(
        f'<figure><img src="{html.escape(src)}" alt="{html.escape(name.replace("_", " "))}"></figure>'
        for name, src in d["plots"].items()
    )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>nape screening report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}}
img{{max-width:100%}}.note{{background:#fff4e5;padding:.6rem}}</style></head><body>
<h1>nape screening report</h1>
<p>{d["notes"]:,} notes screened, {d["errors"]:,} with an error; knowledge base {html.escape(kb.version)}.</p>
<p class="note">{html.escape(kb.meta.triage.disclaimer)}
{html.escape(kb.meta.triage.emergency_advice)} The output file this report summarises holds
patient data: keep it where patient records may be kept.</p>
{img}
{_table("Triage level", {lv: d["triage_levels"][lv] for lv in TRIAGE_ORDER if lv in d["triage_levels"]}, "level")}
{_table("Most likely cause", d["leading_causes"], "cause")}
{_table("Red flags fired", d["red_flags"], "red flag")}
{_table("Errors by code", d["error_codes"], "code")}
</body></html>
"""
    path.write_text(page, encoding="utf-8")
    json_path = path.with_suffix(".json")
    json_path.write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [str(path), str(json_path), *(str(folder / v) for v in plots.values())]
