"""Comments for the benchmarks to score and train on, from words the models know."""

import random


def realistic_comments(word_index: dict[str, int], count: int, seed: int = 0) -> list[str]:
    """Comments of 10 to 80 words drawn from the 5,000 commonest in tox-block's vocabulary."""
    rng = random.Random(seed)
    common = [word for word, i in word_index.items() if i <= 5_000]
    return [" ".join(rng.choices(common, k=rng.randint(10, 80))) for _ in range(count)]
