"""What the admin shows of an import run, for both importers (core.models.ImportRunRecord)."""

from newsroom.listings.models import ImportRun
from newsroom.wire.models import WireImportRun


def test_each_importer_summarises_its_run_with_its_own_counter():
    listings = ImportRun(created=2, updated=1, unchanged=5, withdrawn=3, rejected=1)
    wire = WireImportRun(created=0, updated=4, unchanged=0, killed=1, rejected=2)

    assert listings.summary == "created 2, updated 1, unchanged 5, withdrawn 3, rejected 1"
    assert wire.summary == "created 0, updated 4, unchanged 0, killed 1, rejected 2"


def test_rejections_are_listed_in_each_importers_shape_and_escaped():
    listings = ImportRun(
        errors=[
            {"line": 7, "id": "SED-1", "reason": "price <b>missing</b>"},
            {"line": 9, "reason": "no id"},
        ]
    )
    wire = WireImportRun(errors=[{"file": "a.json", "where": "item 3", "reason": "no uri"}])

    assert listings.get_errors_display() == (
        "<ol><li>line 7: price &lt;b&gt;missing&lt;/b&gt; (id SED-1)</li>"
        "<li>line 9: no id</li></ol>"
    )
    assert wire.get_errors_display() == "<ol><li>a.json, item 3: no uri</li></ol>"
    assert ImportRun(errors=[]).get_errors_display() == "None"
