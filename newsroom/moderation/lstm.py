"""tox-block 0.1.2's bidirectional LSTM, run in numpy from the weights the package ships.

The package runs its network with TensorFlow (2.4 GB installed, seconds to load); the
network is small enough to run as a few matrix products:

    Embedding 20,000 x 50 -> bidirectional LSTM, 50 units each way (tanh, hard-sigmoid
    gates, outputs concatenated) -> global max pool over time -> Dense 50 ReLU
    -> Dense 6 sigmoid (toxic, severe_toxic, obscene, threat, insult, identity_hate)

The weights come from the package's HDF5 file (read with h5py), the vocabulary from its
pickled Keras tokenizer, read by an unpickler that builds plain attribute holders for
the only classes the file names (so neither TensorFlow nor Keras is imported, and the
file cannot make us import anything else).

Tokenisation is Keras' ``Tokenizer.texts_to_sequences`` as the package configured it:
lower-case, every character of ``FILTERS`` becomes a space, split on single spaces, keep
the words whose index is below 20,000, then ``pad_sequences``: the last 100 known words,
zero-padded in front. The model has no masking, so the padding runs through the LSTM too:
the forward direction's, the same for every comment, once when the model loads; the
backward direction's, which comes after the words, for every comment.

The recurrence is compiled with numba: a step is a 50 x 200 product and a few hundred
scalar operations, which numpy ran as a dozen calls whose overhead was most of their
time (0.7 ms a comment, against 0.2 ms compiled).
"""

import pickle
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np
from numba import njit

CLASSES = ("toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate")
SEQUENCE_LENGTH = 100
# tox-block's min-max rescaling of each class (its config.RESCALE_PROBA), used by
# make_predictions(rescale=True); newsroom combines the raw "toxic" logit instead.
RESCALE = {
    "toxic": (0.002116, 0.999858),
    "severe_toxic": (0.000011, 0.648682),
    "obscene": (0.000347, 0.997533),
    "threat": (0.000040, 0.918887),
    "insult": (0.000373, 0.986303),
    "identity_hate": (0.000074, 0.901117),
}
_WEIGHTS = "bidirectional/bidirectional/{direction}_lstm/{name}:0"


class _Attributes:
    """What a pickled object becomes: its saved attributes, nothing else."""


class _TokenizerUnpickler(pickle.Unpickler):
    ALLOWED = {
        ("tox_block.data_processing.preprocessors", "TokenSequencer"): _Attributes,
        ("keras_preprocessing.text", "Tokenizer"): _Attributes,
        ("collections", "OrderedDict"): OrderedDict,
        ("collections", "defaultdict"): defaultdict,
        ("builtins", "int"): int,
    }

    def find_class(self, module: str, name: str) -> Any:
        try:
            return self.ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"unexpected class {module}.{name}") from None


@dataclass(frozen=True)
class Tokenizer:
    """Keras' word tokenizer, reduced to the words the model knows."""

    word_index: dict[str, int]
    filters: str
    lower: bool
    _table: dict[int, str] = field(init=False, repr=False, compare=False)

    @classmethod
    def from_package(cls) -> "Tokenizer":
        path = resources.files("tox_block") / "trained_models" / "encoder_0.1.2.pkl"
        with path.open("rb") as handle:
            sequencer = _TokenizerUnpickler(handle).load()
        keras = sequencer.tokenizer
        if keras.split != " " or keras.char_level or keras.oov_token is not None:
            raise ValueError("tox-block's tokenizer is not configured as expected")
        limit = keras.num_words
        return cls(
            word_index={word: i for word, i in keras.word_index.items() if i < limit},
            filters=keras.filters,
            lower=keras.lower,
        )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_table", str.maketrans(dict.fromkeys(self.filters, " ")))

    def sequence(self, text: str) -> list[int]:
        """The indices of the last SEQUENCE_LENGTH known words of ``text``."""
        if self.lower:
            text = text.lower()
        index = self.word_index
        known = [index[word] for word in text.translate(self._table).split(" ") if word in index]
        return known[-SEQUENCE_LENGTH:]

    def encode(self, texts: list[str]) -> np.ndarray:
        """Keras' pad_sequences: zero-padded in front to SEQUENCE_LENGTH."""
        encoded = np.zeros((len(texts), SEQUENCE_LENGTH), dtype=np.intp)
        for row, text in enumerate(texts):
            sequence = self.sequence(text)
            if sequence:
                encoded[row, SEQUENCE_LENGTH - len(sequence) :] = sequence
        return encoded


class ToxBlockLSTM:
    """The network with its weights loaded; ``logits(texts)`` runs it."""

    def __init__(self, weights_file: Any = None, tokenizer: Tokenizer | None = None) -> None:
        import h5py

        path = weights_file or (
            resources.files("tox_block") / "trained_models" / "lstm_model_0.1.2.h5"
        )
        with h5py.File(path, "r") as h5:
            weights = h5["model_weights"]

            def read(name: str) -> np.ndarray:
                return np.asarray(weights[name], dtype=np.float32)

            embedding = read("embedding/embedding/embeddings:0")
            lstm = [
                {name: read(_WEIGHTS.format(direction=direction, name=name))
                 for name in ("kernel", "recurrent_kernel", "bias")}
                for direction in ("forward", "backward")
            ]  # fmt: skip
            self.dense_kernel = read("dense/dense/kernel:0")
            self.dense_bias = read("dense/dense/bias:0")
            self.out_kernel = read("dense_1/dense_1/kernel:0")
            self.out_bias = read("dense_1/dense_1/bias:0")
        units = self.units = lstm[0]["recurrent_kernel"].shape[0]
        # For each direction, its input projection of every vocabulary word is computed once
        # (a comment starts at the recurrence), and its recurrent matrix kept, both with the
        # gates in the order i f o c. The hard-sigmoid gates' 0.2x + 0.5 is folded into
        # their weights, so a step only clips them.
        self.inputs, self.recurrent = [], []
        for weights_d in lstm:
            projected = embedding @ weights_d["kernel"] + weights_d["bias"]
            inputs = np.empty((len(embedding), 4 * units), dtype=np.float32)
            recurrent = np.empty((units, 4 * units), dtype=np.float32)
            for k, gate in enumerate((0, 1, 3, 2)):  # Keras order is i f c o
                source = slice(gate * units, (gate + 1) * units)
                target = slice(k * units, (k + 1) * units)
                scale, shift = (1.0, 0.0) if gate == 2 else (0.2, 0.5)
                inputs[:, target] = projected[:, source] * scale + shift
                recurrent[:, target] = weights_d["recurrent_kernel"][:, source] * scale
            self.inputs.append(inputs)
            self.recurrent.append(recurrent)
        # The forward direction reads the padding first, the same for every comment: its
        # state and max so far after each number of padding words, computed once, let a
        # comment start at its first word. The backward direction reads the padding last,
        # from a state that depends on the words: its table is the start alone.
        self.padded = [
            _padding_run(self.inputs[0], self.recurrent[0], SEQUENCE_LENGTH),
            _padding_run(self.inputs[1], self.recurrent[1], 0),
        ]
        self.tokenizer = tokenizer or Tokenizer.from_package()

    def logits(self, texts: list[str]) -> np.ndarray:
        """The six pre-sigmoid outputs for each text, shape (len(texts), 6)."""
        if not texts:
            return np.zeros((0, len(CLASSES)), dtype=np.float32)
        tokens = self.tokenizer.encode(texts)
        pooled = np.empty((len(texts), 2 * self.units), dtype=np.float32)
        for direction, backwards in enumerate((False, True)):
            # The outputs are concatenated: forward's first, backward's after.
            _max_over_time(
                tokens,
                self.inputs[direction],
                self.recurrent[direction],
                self.padded[direction],
                backwards,
                pooled[:, direction * self.units : (direction + 1) * self.units],
            )
        hidden = np.maximum(pooled @ self.dense_kernel + self.dense_bias, 0.0)
        return hidden @ self.out_kernel + self.out_bias

    def probabilities(self, texts: list[str], *, rescale: bool = False) -> list[dict[str, float]]:
        """Like tox-block's make_predictions: each class's probability, optionally rescaled."""
        probabilities = 1.0 / (1.0 + np.exp(-self.logits(texts).astype(np.float64)))
        rows = []
        for row in probabilities:
            values = dict(zip(CLASSES, (float(p) for p in row), strict=True))
            if rescale:
                values = {
                    name: abs((p - RESCALE[name][0]) / (RESCALE[name][1] - RESCALE[name][0]))
                    for name, p in values.items()
                }
            rows.append(values)
        return rows


@njit(cache=True, nogil=True)
def _tanh(x: np.float32) -> np.float32:
    # From exp: libm's tanhf took three times as long; the two agree within 1e-7.
    return np.float32(1) - np.float32(2) / (np.exp(np.float32(2) * x) + np.float32(1))


@njit(cache=True, nogil=True)
def _step(
    x: np.ndarray, recurrent: np.ndarray, h: np.ndarray, c: np.ndarray, z: np.ndarray
) -> None:
    """One time step of one direction: the state ``h``, ``c`` moved on by the input ``x``
    (its row of the input projection); ``z`` holds the gates meanwhile."""
    units = recurrent.shape[0]
    zero, one = np.float32(0), np.float32(1)
    z[:] = x
    for k in range(units):
        for j in range(4 * units):
            z[j] += h[k] * recurrent[k, j]
    for u in range(units):
        i = min(max(z[u], zero), one)  # hard sigmoid: the clip to [0, 1]
        f = min(max(z[units + u], zero), one)
        o = min(max(z[2 * units + u], zero), one)
        c[u] = c[u] * f + _tanh(z[3 * units + u]) * i
        h[u] = _tanh(c[u]) * o


@njit(cache=True, nogil=True)
def _padding_run(inputs: np.ndarray, recurrent: np.ndarray, steps: int) -> np.ndarray:
    """The forward direction over nothing but padding: after t padding words, its h, c and
    the max of its outputs so far, at [t, 0], [t, 1] and [t, 2]."""
    units = recurrent.shape[0]
    padded = np.empty((steps + 1, 3, units), dtype=np.float32)
    h = np.zeros(units, dtype=np.float32)
    c = np.zeros(units, dtype=np.float32)
    z = np.empty(4 * units, dtype=np.float32)
    padded[0, 0], padded[0, 1], padded[0, 2] = h, c, -np.inf
    for t in range(1, steps + 1):
        _step(inputs[0], recurrent, h, c, z)
        padded[t, 0], padded[t, 1] = h, c
        padded[t, 2] = np.maximum(padded[t - 1, 2], h)
    return padded


@njit(cache=True, nogil=True)
def _max_over_time(
    tokens: np.ndarray, inputs: np.ndarray, recurrent: np.ndarray, padded: np.ndarray,
    backwards: bool, pooled: np.ndarray,
) -> None:  # fmt: skip
    """One direction over each row of ``tokens`` (``backwards``: last word first), its
    outputs max-pooled into ``pooled``. It starts from ``padded`` (_padding_run) after the
    padding it reads first: the forward direction's, skipped; the backward direction reads
    it last, so its table holds only the start, ``padded[0]``."""
    rows, steps = tokens.shape
    units = recurrent.shape[0]
    h = np.empty(units, dtype=np.float32)
    c = np.empty(units, dtype=np.float32)
    z = np.empty(4 * units, dtype=np.float32)
    for row in range(rows):
        first = 0
        while first < padded.shape[0] - 1 and tokens[row, first] == 0:
            first += 1
        h[:], c[:], pooled[row, :] = padded[first, 0], padded[first, 1], padded[first, 2]
        for step in range(first, steps):
            word = tokens[row, steps - 1 - step] if backwards else tokens[row, step]
            _step(inputs[word], recurrent, h, c, z)
            for u in range(units):
                pooled[row, u] = max(pooled[row, u], h[u])
