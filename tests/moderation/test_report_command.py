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
