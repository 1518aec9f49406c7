"""The parsers are pure: sample bytes in, typed WireItems (or reasons) out."""

import json
from datetime import UTC, datetime

import pytest

from newsroom.wire.body import body_blocks
from newsroom.wire.items import ItemRejected, PubStatus, WirePicture
from newsroom.wire.ninjs import ninjs_generation, parse_ninjs
from newsroom.wire.parsers import FileUnreadable, parse_wire_bytes
from tests.wire.conftest import SAMPLES


def _only_item(name: str):
    (parsed,) = parse_wire_bytes((SAMPLES / name).read_bytes())
    assert parsed.error == ""
    return parsed.item


def test_ninjs_1_story_reads_every_field():
    item = _only_item("ninjs1_story.json")
    assert item.uri == "urn:harbourwire:2026:ferry-timetable-0412"
    assert item.headline == "Island ferry operator adds a late sailing for the winter"
    assert item.byline == "Mika Tanabe, Harbour Wire"
    assert item.standfirst.startswith("Commuters on the Seto line")
    assert item.version == 1
    assert item.version_created == datetime(2026, 11, 20, 0, 15, tzinfo=UTC)
    assert item.pubstatus is PubStatus.USABLE
    assert item.copyright_notice == "Copyright 2026 Harbour Wire. All rights reserved."
    assert item.usage_terms.startswith("Harbour Wire copy may not be republished")
    assert item.ednote == "Photo is a handout from the operator."
    assert item.picture == WirePicture(
        href="ferry.jpg",
        caption="The ferry Seto Maru leaves the mainland pier at dusk, November 18.",
        credit="Harbour Wire pool photo",
    )


def test_ninjs_2_story_reads_roles_lists_and_named_renditions():
    item = _only_item("ninjs2_story.json")
    assert item.headline == "Riverside lantern festival returns after a three-year pause"
    assert item.standfirst == "Organisers expect 40,000 visitors over two nights."
    assert "3,000 paper lanterns" in item.body_html  # the HTML body, not the plain one
    assert item.byline == "Jun Okada"
    assert item.version == 4
    assert item.picture.href == "https://cdn.meridian-press.example/full/lantern.jpg"
    assert item.picture.caption.startswith("Volunteers test a lantern")
    assert item.picture.credit == "Aya Mori / Meridian Press"


def test_ninjs_generation_comes_from_the_schema_or_the_shape():
    assert (
        ninjs_generation(
            {"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.4.json", "headlines": []}
        )
        == 1
    )
    assert ninjs_generation({"standard": {"version": "2.0"}}) == 2
    assert ninjs_generation({"headline": "x"}) == 1
    assert ninjs_generation({"headlines": [{"value": "x"}]}) == 2


def test_ninjs_2_plain_text_body_becomes_paragraphs():
    item = parse_ninjs(
        {
            "uri": "u",
            "headlines": [{"value": "H"}],
            "bodies": [{"contenttype": "text/plain", "value": "One <two>\nThree"}],
        }
    )
    assert item.body_html == "<p>One &lt;two&gt;</p><p>Three</p>"


def test_embargo_and_status_are_read():
    item = _only_item("ninjs2_embargo.json")
    assert item.embargoed == datetime(2099, 1, 15, tzinfo=UTC)
    assert _only_item("ninjs2_withhold.json").pubstatus is PubStatus.WITHHELD
    assert _only_item("ninjs1_kill.json").pubstatus is PubStatus.CANCELED


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"headline": "H"}, "no uri"),
        ({"uri": "u"}, "no headline"),
        ({"uri": "u", "headline": "H", "version": "two"}, "is not a whole number"),
        ({"uri": "u", "headline": "H", "pubstatus": "retracted"}, "is not one of usable"),
        ({"uri": "u", "headline": "H", "versioncreated": "yesterday"}, "not an ISO 8601"),
        ({"uri": "u", "headlines": "H"}, "must be lists of objects"),
        (["not", "an", "object"], "not a ninjs object"),
    ],
)
def test_malformed_ninjs_is_refused_with_a_reason(data, reason):
    with pytest.raises(ItemRejected, match=reason):
        parse_ninjs(data)


def test_rss_items_are_stories_identified_by_their_guid():
    first, second = parse_wire_bytes((SAMPLES / "feed_rss.xml").read_bytes())
    assert first.item.uri == "lantern-2026-5521"
    assert first.item.headline == "Regional bank opens its first cashless branch"
    assert "handles no cash" in first.item.body_html
    assert first.item.standfirst == "The branch in Minato takes no notes or coins."
    assert first.item.copyright_notice == "Copyright 2026 Lantern Feeds"
    assert first.item.version_created == datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    assert first.item.picture == WirePicture(
        href="https://lantern-feeds.example/img/branch.jpg", credit="Lantern Feeds"
    )
    assert second.item.uri == "lantern-2026-5522"
    assert "9 billion yen" in second.item.body_html
    assert second.item.picture is None


def test_atom_entries_are_stories_identified_by_their_id():
    (entry,) = parse_wire_bytes((SAMPLES / "feed_atom.xml").read_bytes())
    assert entry.item.uri == "urn:northgate:2026:marathon-route"
    assert entry.item.byline == "Kei Arakawa"
    assert entry.item.copyright_notice == "Copyright 2026 Northgate Newswire. All rights reserved."
    assert "castle park" in entry.item.body_html


def test_a_file_that_is_not_valid_json_is_unreadable_as_a_whole():
    with pytest.raises(FileUnreadable, match="not valid JSON"):
        parse_wire_bytes((SAMPLES / "bad_invalid.json").read_bytes())


def test_a_broken_feed_is_unreadable_as_a_whole():
    content = (SAMPLES / "feed_rss.xml").read_bytes()[:-40]
    with pytest.raises(FileUnreadable, match="not a well-formed feed"):
        parse_wire_bytes(content)


def test_a_file_that_is_not_utf8_is_unreadable():
    with pytest.raises(FileUnreadable, match="not UTF-8"):
        parse_wire_bytes('{"uri": "caf\u00e9"}'.encode("latin-1"))


def test_json_lines_report_each_bad_line_and_keep_the_good_ones():
    parsed = parse_wire_bytes((SAMPLES / "bad_items.jsonl").read_bytes(), lines=True)
    reasons = {p.where: p.error for p in parsed}
    assert "no uri" in reasons["line 1"]
    assert "no headline" in reasons["line 2"]
    assert "not valid JSON" in reasons["line 6"]
    assert reasons["line 7"] == ""
    assert [p.item.uri for p in parsed if p.item][-1] == "urn:harbourwire:2026:good"


def test_a_json_array_holds_several_items():
    data = [{"uri": "a", "headline": "A"}, {"uri": "b"}]
    first, second = parse_wire_bytes(json.dumps(data).encode())
    assert (first.where, first.item.uri) == ("item 1", "a")
    assert (second.where, "no headline" in second.error) == ("item 2", True)


def test_the_body_follows_the_rich_text_editors_rules():
    blocks = body_blocks(_only_item("ninjs1_story.json").body_html)
    assert [b["type"] for b in blocks] == [
        "paragraph",
        "paragraph",
        "quote",
        "paragraph",
        "paragraph",
    ]
    html = " ".join(b["value"] for b in blocks if b["type"] == "paragraph")
    assert "style=" not in html and "class=" not in html
    assert '<a href="https://ferry.example/timetable">Timetable</a>' in html
    assert "<b>1,200</b>" in html
    assert blocks[2]["value"] == {
        "quote": "We listened to the night-shift workers.",
        "attribution": "Operations manager Ren Kodama",
    }
    assert blocks[3]["value"] == "<p><b>Fares unchanged</b></p>"


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<p>a</p><script>alert(1)</script>", "<script> element"),
        ('<iframe src="https://video.example"></iframe>', "<iframe> element"),
        ('<p onmouseover="steal()">a</p>', "onmouseover event handler"),
        ('<a href=" JavaScript:alert(1)">x</a>', "javascript: address"),
        ('<object data="x.swf"></object>', "<object> element"),
        ("<p>  </p><style>p{}</style>", "no body text"),
    ],
)
def test_active_content_or_an_empty_body_is_refused(html, reason):
    with pytest.raises(ItemRejected, match=reason):
        body_blocks(html)


def test_a_different_ednote_is_not_a_different_version():
    item = _only_item("ninjs1_story.json")
    from dataclasses import replace

    assert replace(item, ednote="other").content_hash == item.content_hash
    assert replace(item, headline="other").content_hash != item.content_hash
