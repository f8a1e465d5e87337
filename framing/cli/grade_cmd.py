"""`framing grade`: a class's answers to a worksheet against the tool's, as one page to project."""

from __future__ import annotations

import click


@click.command()
@click.argument("answers", type=click.Path(dir_okay=False))
@click.option(
    "--key",
    "key_path",
    default=None,
    help="The answer key JSON written with the template (default: ANSWERS' name with -key.json).",
)
@click.option("-o", "--output", default="class.html", show_default=True, help="Where to write the class page (HTML).")
@click.option("--names", is_flag=True, help="Show each student's agreement by name (off: no student is named).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap intervals.")
def grade(answers: str, key_path: str | None, output: str, names: bool, seed: int) -> None:
    """Compare the class's answers in ANSWERS (the template of `framing exercise --answers`) with the tool's.

    Writes a page with the students' agreement (Krippendorff's alpha per task),
    the class majority against the tool (Cohen's kappa per task and item) and
    the items where they part most, with the tool's evidence and a question
    for the class. A bad answers file is a one-line error naming its row.
    """
    from pathlib import Path

    from framing.cli.outputs import check_outputs, output_file
    from framing.grading.answers import read_answers
    from framing.grading.key import key_path_beside, read_key
    from framing.grading.page import render_class_page
    from framing.grading.results import class_results
    from framing.io import atomic_write_text

    key_file = Path(key_path) if key_path else key_path_beside(answers)
    check_outputs([p for p in (Path(answers), key_file) if p.exists()], [output_file(output, "-o")])
    key = read_key(key_file)
    results = class_results(key, read_answers(answers, key), seed=seed, names=names)
    atomic_write_text(output, render_class_page(results))
    click.echo(
        f"wrote {output}: {results['students']} students, {results['answers']} answers to {results['n_items']} items"
    )
    for task in results["tasks"]:
        alpha = "–" if task["alpha"] is None else f"{task['alpha']:.2f}"
        kappa = "–" if task["kappa"] is None else f"{task['kappa']:.2f}"
        click.echo(
            f"  task {task['number']} {task['title']}: alpha {alpha}, kappa {kappa}, "
            f"same answer on {task['same']} of {task['n_items']}"
        )
