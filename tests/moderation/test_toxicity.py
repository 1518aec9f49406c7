import ast
import logging
import math
import os
import re
import subprocess
import sys
from importlib.metadata import metadata

import numpy as np
import pytest

from newsroom.moderation import toxicity
from newsroom.moderation.lstm import CLASSES, SEQUENCE_LENGTH, _max_over_time, _step
from newsroom.moderation.newsroom_model import fit
from newsroom.moderation.toxicity import Scores, score, score_many
from tests.moderation.labelled_comments import ABUSIVE, CIVIL, attacks

ALL = ABUSIVE + CIVIL


def published_examples() -> list[tuple[str, dict[str, float]]]:
    """tox-block's own usage examples and their outputs, read from the installed
    package's README (its PyPI description), so the test holds what the package publishes."""
    readme = metadata("tox-block").get_payload()
    examples = []
    for block in re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL):
        block = block.strip()
        if not block.startswith("{"):
            continue
        value = ast.literal_eval(block)
        outputs = value.values() if "text" not in value else [value]
        examples += [(o["text"], {c: o[c] for c in CLASSES}) for o in outputs]
    return examples


def lstm():
    return toxicity._shipped_models()[1]


def test_the_readme_publishes_four_examples_with_all_six_outputs():
    examples = published_examples()

    assert len(examples) == 4
    assert len({text for text, _ in examples}) == 3


@pytest.mark.parametrize("number", range(4))
def test_the_lstm_gives_tox_blocks_published_outputs(number):
    text, published = published_examples()[number]

    # The README shows make_predictions(..., rescale=True); its float32 outputs differ
    # between its own single and batch calls by up to 6e-8.
    ours = lstm().probabilities([text], rescale=True)[0]

    assert ours == pytest.approx(published, abs=2e-6)


def test_the_lstm_scores_a_batch_as_it_scores_each_text_alone():
    texts = [text for text, _ in published_examples()] + ALL
    batch = lstm().logits(texts)

    alone = np.concatenate([lstm().logits([text]) for text in texts])

    np.testing.assert_allclose(batch, alone, atol=1e-5)


@pytest.mark.parametrize("text", ["", "Short.", ABUSIVE[0], " ".join(CIVIL) * 3])
def test_the_forward_direction_starting_at_the_first_word_equals_running_the_padding(text):
    """The forward state after the padding is computed once; a comment's run starting from
    it is, to the bit, the run through every padding step."""
    model = lstm()
    tokens = model.tokenizer.encode([text])
    skipped = np.empty((1, model.units), dtype=np.float32)
    _max_over_time(tokens, model.inputs[0], model.recurrent[0], model.padded[0], False, skipped)

    h, c = np.zeros(model.units, np.float32), np.zeros(model.units, np.float32)
    z, every_step = np.empty(4 * model.units, np.float32), np.full(model.units, -np.inf, np.float32)
    for word in tokens[0]:
        _step(model.inputs[0][word], model.recurrent[0], h, c, z)
        every_step = np.maximum(every_step, h)

    assert np.array_equal(skipped[0], every_step)


def test_the_tokenizer_keeps_the_last_hundred_known_words_padded_in_front():
    tokenizer = lstm().tokenizer
    index = tokenizer.word_index
    words = [word for word, i in sorted(index.items(), key=lambda item: item[1])[:150]]

    long_text = " ".join(words) + " qqqxyzzyunknown"
    short = tokenizer.encode(["The TALKS, (went) well!\nqqqxyzzyunknown"])[0]

    assert tokenizer.sequence(long_text) == [index[word] for word in words[-SEQUENCE_LENGTH:]]
    expected = [index["the"], index["talks"], index["went"], index["well"]]
    assert list(short[-4:]) == expected and not short[:-4].any()


def test_every_known_word_is_below_the_models_vocabulary_size():
    assert max(lstm().tokenizer.word_index.values()) < len(lstm().inputs[0])


def test_profanity_check_through_its_weights_equals_its_own_predict_prob():
    from profanity_check import predict_prob

    texts = [*ALL, "", "a", "Ünïcode café, naïve IDIOT!!", "the the the", "12345 67"]

    ours = toxicity._shipped_models()[0].probabilities(texts)

    np.testing.assert_allclose(ours, predict_prob(texts), rtol=1e-12, atol=1e-15)


def _logit(p: float) -> float:
    p = min(max(p, 1e-7), 1 - 1e-7)
    return math.log(p / (1 - p))


def test_the_combined_score_is_the_mean_logit_mapped_back():
    for scores in score_many(ALL):
        logits = [_logit(p) for p in scores.by_model.values()]
        assert scores.combined == pytest.approx(1 / (1 + math.exp(-sum(logits) / len(logits))))
        assert set(scores.by_model) == {"profanity_check", "tox_block"}


def test_the_shipped_models_hold_abuse_and_pass_civil_comments():
    abusive = [s.combined for s in score_many(ABUSIVE)]
    civil = [s.combined for s in score_many(CIVIL)]

    assert min(abusive) > max(civil)
    assert sum(s > 0.9 for s in abusive) > len(abusive) / 2
    assert max(civil) < 0.5


def test_score_is_a_frozen_dataclass_and_the_old_names_agree():
    scores = score(ABUSIVE[0])

    assert isinstance(scores, Scores)
    with pytest.raises(AttributeError):
        scores.combined = 0.0
    assert toxicity.toxicity_score(ABUSIVE[0]) == scores.combined
    assert toxicity.toxicity_scores(ALL) == [s.combined for s in score_many(ALL)]
    assert score_many([]) == [] and toxicity.toxicity_scores([]) == []


def test_a_trained_model_joins_the_combination_once_its_file_exists(settings):
    texts, labels = zip(*attacks(), strict=True)
    before = score(texts[0])

    fit(list(texts), list(labels), info={}).save(settings.NEWSROOM_MODERATION_MODEL_FILE)
    after = score(texts[0])

    assert set(after.by_model) == {"profanity_check", "tox_block", "newsroom"}
    assert after.by_model["newsroom"] > 0.5
    assert after.combined > before.combined


def test_a_replaced_model_file_is_picked_up_and_a_removed_one_dropped(settings):
    texts, labels = zip(*attacks(), strict=True)
    path = settings.NEWSROOM_MODERATION_MODEL_FILE
    fit(list(texts), list(labels), info={}).save(path)
    first = score(texts[0]).by_model["newsroom"]

    flipped = [1 - label for label in labels]
    fit(list(texts), flipped, info={}).save(path)
    second = score(texts[0]).by_model["newsroom"]
    path.unlink()

    assert first > 0.5 > second
    assert "newsroom" not in score(texts[0]).by_model


def test_a_broken_model_file_is_logged_and_scoring_goes_on(settings, caplog):
    settings.NEWSROOM_MODERATION_MODEL_FILE.write_bytes(b"not a model")

    with caplog.at_level(logging.ERROR, logger="newsroom.moderation.toxicity"):
        scores = score(CIVIL[0])

    assert set(scores.by_model) == {"profanity_check", "tox_block"}
    assert "Cannot load the newsroom's moderation model" in caplog.text


def test_tox_block_is_installed_without_tensorflow_or_pandas():
    from importlib.util import find_spec

    assert find_spec("tox_block") is not None
    assert find_spec("tensorflow") is None and find_spec("pandas") is None


def test_a_worker_loads_the_models_as_it_starts_not_on_the_first_post(tmp_path):
    """The WSGI module every worker imports loads them; a fresh interpreter shows it."""
    probe = (
        "import newsroom.wsgi\n"
        "from newsroom.moderation import toxicity\n"
        "print(toxicity._shipped_models.cache_info().currsize)\n"
    )
    env = {**os.environ, "NEWSROOM_VAR_DIR": str(tmp_path)}
    loaded = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )

    assert loaded.stdout.strip() == "1"
