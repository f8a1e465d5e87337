"""`framing exercise`: a printable, blinded classroom worksheet and its answer key."""

from __future__ import annotations

from typing import Any

import click

from framing.cli.options import corpus_column_options, lexicon_options, load_corpus_from_options
from framing.errors import FramingError


@click.command()
@click.argument("corpus", required=False, default="nato-eastern-flank-2022")
@click.option(
    "-o", "--output", default="worksheet.html", show_default=True, help="Where to write the student worksheet (HTML)."
)
@click.option("--key", "key_path", default=None, help="Also write the answer key with the teacher's guide (HTML).")
@click.option(
    "--sources",
    type=int,
    default=None,
    help="Number of sources to show (default: every outlet on the story, at most 6); "
    "with fewer, the outlets whose wording differs most.",
)
@lexicon_options
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the blind order of the letters.")
@click.option(
    "--answers",
    "answers_path",
    default=None,
    help="Also write a CSV template for the class's answers (one row per student and item) and, "
    "beside it, the answer key as JSON (NAME-key.json) for `framing grade`.",
)
@click.option(
    "--students",
    type=click.IntRange(1, 500),
    default=30,
    show_default=True,
    help="Number of students in the answers template.",
)
@click.option("--quiet", is_flag=True, help="No progress lines on stderr (shown only on a terminal anyway).")
@corpus_column_options
def exercise(
    corpus: str,
    output: str,
    key_path: str | None,
    sources: int | None,
    lexicons: tuple[str, ...],
    targets: str | None,
    seed: int,
    answers_path: str | None,
    students: int,
    quiet: bool,
    **columns: Any,
) -> None:
    """Write a 45-minute media-literacy worksheet for CORPUS (default: the bundled corpus).

    The articles are blind (Source A, B, C ...): outlets, bylines, bios, credits
    and any mention of the outlet, its authors or its web domain are removed.
    The answer key (--key) names the outlets, shows the tool's evidence for
    each task and has a one-page teacher's guide.
    """
    from framing.cli.outputs import check_outputs, corpus_input, existing_inputs, output_file
    from framing.cli.progress import Phases
    from framing.grading.key import answer_key, key_json, key_path_beside, template_frame
    from framing.io import OutputSet
    from framing.worksheets.worksheet import exercise as build_exercise

    answer_files = (
        [output_file(answers_path, "--answers"), output_file(key_path_beside(answers_path), "--answers")]
        if answers_path
        else []
    )
    check_outputs(
        corpus_input(corpus) + existing_inputs(*lexicons, targets),
        [output_file(output, "-o")] + ([output_file(key_path, "--key")] if key_path else []) + answer_files,
    )
    if answers_path and not answers_path.lower().endswith(".csv"):
        raise FramingError(f"{answers_path}: --answers writes a CSV template; give it a .csv name")
    phases = Phases("exercise", quiet=quiet)
    phases.step("reading the articles")
    loaded = load_corpus_from_options(corpus, **columns)
    phases.step(f"scoring {len(loaded.articles):,} articles and choosing the sources")
    sheet = build_exercise(loaded, sources=sources, lexicons=list(lexicons) or None, targets=targets, seed=seed)
    phases.step("writing the worksheet")
    with OutputSet() as outputs:  # the worksheet and its key appear together
        outputs.write_text(output, sheet.html)
        if key_path:
            outputs.write_text(key_path, sheet.key_html)
        if answers_path:
            key = answer_key(sheet.data)
            outputs.write_table(template_frame(key, students), answers_path)
            outputs.write_text(key_path_beside(answers_path), key_json(key))
    letters = sheet.data.letters
    click.echo(f"wrote {output}: sources {letters[0]}-{letters[-1]} ({len(letters)}), 5 tasks")
    if key_path:
        click.echo(f"wrote {key_path}: answer key and teacher's guide")
    if answers_path:
        click.echo(
            f"wrote {answers_path}: {students} students x {len(key.items)} items to fill in; "
            f"key {key_path_beside(answers_path)} (grade with `framing grade {answers_path}`)"
        )
