from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsroom.moderation.models import Term

pytestmark = pytest.mark.django_db

LABELLED = (
    "text,label\n"
    '"You are a stupid idiot, shut up",abusive\n'
    "I disagree with this plan,civil\n"
    "only one column\n"
    ",civil\n"
    "The talks went well,civil\n"
    "Go to hell you moron,abusive\n"
    "fine,maybe\n"
    "The minister is a shill,civil\n"
)


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("moderation_report", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_report_prints_held_shares_per_threshold_and_roc_auc(tmp_path):
    path = tmp_path / "labelled.csv"
    path.write_text(LABELLED)

    out, err = run(path, "--thresholds", "0.5,0.9")

    assert "5 comments (2 abusive, 3 civil), 3 rows rejected" in out
    assert "    0.90         100.0%         0.0%" in out
    assert "ROC AUC: 1.000" in out
    assert err.splitlines() == [
        "line 4: expected 2 columns (text,label), found 1",
        "line 5: the text is empty",
        "line 8: the label must be abusive or civil, not 'maybe'",
    ]


def test_word_lists_count_as_held(tmp_path):
    Term.objects.create(text="shill", kind=Term.Kind.SUSPECT)
    path = tmp_path / "labelled.csv"
    path.write_text(LABELLED)

    out, _ = run(path, "--thresholds", "0.9")

    assert "    0.90         100.0%        33.3%" in out


def test_a_file_without_the_header_is_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("comment,verdict\nhello,civil\n")

    with pytest.raises(CommandError, match="text,label"):
        run(path)


def test_the_newsroom_command_runs_the_report(tmp_path, capsys):
    from newsroom import cli

    path = tmp_path / "labelled.csv"
    path.write_text(LABELLED)

    assert cli.main(["moderation-report", str(path), "--thresholds", "0.9"]) == 0

    assert "ROC AUC: 1.000" in capsys.readouterr().out


def test_columns_are_found_by_header_name_and_extra_columns_are_ignored(tmp_path):
    from tests.moderation.labelled_comments import general, write_csv

    path = tmp_path / "labelled.csv"
    write_csv(
        path, general(), header="id,label,source,text", extra=lambda n: {"id": n, "source": "x"}
    )

    out, err = run(path, "--thresholds", "0.5")

    assert "32 comments (16 abusive, 16 civil), 0 rows rejected" in out
    assert err == ""


def test_a_long_run_of_bad_rows_does_not_end_the_report(tmp_path):
    lines = ["text,label", "You are a stupid idiot,abusive"]
    lines += [f"row {n},maybe" for n in range(2500)]
    lines += ["I disagree with the plan,civil", "Go to hell you moron,abusive"]
    path = tmp_path / "labelled.csv"
    path.write_text("\n".join(lines) + "\n")

    out, err = run(path, "--thresholds", "0.5")

    assert "3 comments (2 abusive, 1 civil), 2500 rows rejected" in out
    assert len(err.splitlines()) == 2500
    assert err.splitlines()[-1] == "line 2502: the label must be abusive or civil, not 'maybe'"


def test_an_unreadable_row_is_reported_and_reading_goes_on(tmp_path):
    path = tmp_path / "labelled.csv"
    huge = "word " * 40_000  # over the csv module's 128 KiB field limit
    path.write_text(f"text,label\nfine words,civil\n{huge},civil\nYou idiot,abusive\n")

    out, err = run(path, "--thresholds", "0.5")

    assert "2 comments (1 abusive, 1 civil), 1 rows rejected" in out
    assert err.startswith("line 3: unreadable row")


def test_the_report_shows_each_model_the_combination_and_recall_at_2_and_5_percent(tmp_path):
    from tests.moderation.labelled_comments import attacks, general, write_csv

    path = tmp_path / "labelled.csv"
    write_csv(path, general() + attacks())

    out, _ = run(path)

    table = out.split("\n\n", 1)[1].splitlines()
    assert " ".join(table[0].split()) == "scores ROC AUC held at 2% civil at 5% civil"
    names = [line[:30].strip() for line in table[1:]]
    assert names == ["profanity_check", "tox_block", "combined", "rules (combined + word lists)"]
    for line in table[1:]:
        auc, at2, at5 = line[30:].split()
        assert 0 <= float(auc) <= 1
        assert float(at2.rstrip("%")) <= float(at5.rstrip("%"))
