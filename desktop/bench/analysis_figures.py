"""Figures of the Analysis view: a first count of a document (its words cut), every
figure the view shows once they are, and the first screen of a concordance of a common
word."""

from __future__ import annotations

import shutil
import time
from collections import Counter
from pathlib import Path

from desktop.bench.core_figures import (
    Imported,
    _add_annotations,
    _remove_study,
    glossary_terms,
    timed,
)
from desktop.bench.report import Figure, median


def common_word(text: str) -> str:
    """The most frequent word of two Han characters in the text's first megabyte."""
    from desktop.bench.queries import _HAN
    from desktop.core import segment

    counts = Counter(w for w in segment.words(text[:1_000_000]) if len(w) == 2 and _HAN.match(w))
    return counts.most_common(1)[0][0] if counts else "的"


def analysis_figures(imp: Imported, workdir: Path, data: str, runs: int,
                     annotations: int = 10_000, term_count: int = 5000) -> list[Figure]:
    """Time the Analysis view's counts on the imported document (each a median of runs)."""
    from db import open_study
    from desktop.core import library, segment
    from desktop.core.analysis import concordance, corpus, keyness, stats, tags, terms

    study = workdir / "analysis.sqlite"
    _remove_study(study)
    shutil.copyfile(imp.study, study)
    _add_annotations(study, imp.document_id, imp.text, annotations)
    db = open_study(study)
    ids = [imp.document_id]
    runs = max(runs, 3)
    try:
        segment.initialize()
        corpus.count_characters(["字"])  # its table of character kinds, made once a run

        def bare() -> int:
            # The least a first count must do: read the turns and cut each into words.
            return len([segment.words(t.text) for t in library.turns(db, imp.document_id)])

        cut, floor = [], []
        turns = 0
        for _ in range(runs):  # the two alternate, so the machine's load falls on both
            corpus.forget()
            cut.append(timed(lambda: corpus.cut(db, ids)))
            floor.append(timed(bare))
        turns = bare()
        first = Figure("analysis_cut", "Analysis view: first count of a document (words cut, "
                       "in the background)", data, median=median(cut), samples=cut,
                       floor=median(floor), floor_samples=floor,
                       floor_label="read the turns, segment.words each").judge_ratio(1.5)
        first.note = (f"{turns:,} turns; also counts characters and keeps one string per "
                      "distinct word; the window stays responsive meanwhile")

        glossary = glossary_terms(imp.text, term_count)
        table = keyness.Keyness(db, ids)
        busiest = max(table.speakers, key=lambda s: sum(table.counts[s].values()))

        def words() -> None:
            keyness.Keyness(db, ids).keywords(busiest)

        parts = {"speakers": lambda: stats.speaker_stats(db, ids), "words": words,
                 "terms": lambda: terms.term_frequencies(db, ids, glossary)}
        for kind in tags.KINDS:  # the view counts the one chosen
            parts[f"tags ({kind})"] = lambda k=kind: tags.matrix(tags.load(db, ids), k)
        times: dict[str, list[float]] = {name: [] for name in parts}
        for _ in range(runs):
            for name, fn in parts.items():
                times[name].append(timed(fn))
        from desktop.core.glossary.matcher import build_matcher

        # What the terms figure cannot do without: build the glossary's matcher and mark
        # the whole document (the reading view's own marking).
        marking = [timed(lambda: build_matcher(glossary).find(imp.text)) for _ in range(runs)]
        slowest = max(times, key=lambda name: median(times[name]))
        every = Figure("analysis_figures", "Analysis view: every figure, the slowest "
                       "(words cut)", data, median=median(times[slowest]),
                       samples=times[slowest]).judge_below(1.0)
        every.note = (", ".join(f"{name} {median(t) * 1000:.0f} ms" for name, t in
                                times.items())
                      + f"; {term_count:,} glossary terms (building the matcher and marking "
                      f"the document alone: {median(marking) * 1000:.0f} ms), "
                      f"{annotations:,} tagged notes")

        word = common_word(imp.text)
        first_screen, whole = [], []
        lines = 0
        for _ in range(runs):
            first_screen.append(timed(lambda: concordance.concordance(
                db, word, document_id=imp.document_id, limit=concordance.FIRST_SCREEN)))
            start = time.perf_counter()
            lines = len(concordance.concordance(db, word, document_id=imp.document_id))
            whole.append(time.perf_counter() - start)
        kwic = Figure("analysis_concordance", f"concordance of a common word ({word}), "
                      "first screen", data, median=median(first_screen),
                      samples=first_screen).judge_below(0.3)
        kwic.note = (f"{concordance.FIRST_SCREEN} of {lines:,} lines; all of them in "
                     f"{median(whole):.2f} s, on a worker thread")
    finally:
        db.close()
        _remove_study(study)
    return [first, every, kwic]
