"""The digest kept HTML is keyed by: it moves with the code that renders HTML, only."""

from newsroom.core.release import code_digest

digest = code_digest.__wrapped__  # uncached: each call reads the files again


def test_the_digest_moves_with_a_template_or_a_module_and_nothing_else(tmp_path):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "comment.html"
    module = tmp_path / "cards.py"
    template.write_text("<p>{{ comment }}</p>")
    module.write_text("SHOWN = 1\n")
    first = digest(tmp_path)

    (tmp_path / "site.css").write_text("p { color: red }")
    assert digest(tmp_path) == first
    template.write_text("<p class='comment'>{{ comment }}</p>")
    second = digest(tmp_path)
    assert second != first
    module.write_text("SHOWN = 2\n")
    assert digest(tmp_path) not in (first, second)


def test_the_sites_digest_is_read_once_per_process():
    assert code_digest() == code_digest() == digest()
    assert code_digest.cache_info().hits >= 1
