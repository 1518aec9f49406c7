"""The 47 prefectures of Japan, in the order of their JIS X 0401 codes (north to south).

Feeds name a prefecture in many ways: "Tokyo", "Tokyo-to", "Hyōgo", "Hyogo Prefecture",
"東京都" or its JIS code "13". :func:`prefecture_from_text` accepts all of them.
"""

import unicodedata

from django.db import models


class Prefecture(models.TextChoices):
    HOKKAIDO = "hokkaido", "Hokkaido"
    AOMORI = "aomori", "Aomori"
    IWATE = "iwate", "Iwate"
    MIYAGI = "miyagi", "Miyagi"
    AKITA = "akita", "Akita"
    YAMAGATA = "yamagata", "Yamagata"
    FUKUSHIMA = "fukushima", "Fukushima"
    IBARAKI = "ibaraki", "Ibaraki"
    TOCHIGI = "tochigi", "Tochigi"
    GUNMA = "gunma", "Gunma"
    SAITAMA = "saitama", "Saitama"
    CHIBA = "chiba", "Chiba"
    TOKYO = "tokyo", "Tokyo"
    KANAGAWA = "kanagawa", "Kanagawa"
    NIIGATA = "niigata", "Niigata"
    TOYAMA = "toyama", "Toyama"
    ISHIKAWA = "ishikawa", "Ishikawa"
    FUKUI = "fukui", "Fukui"
    YAMANASHI = "yamanashi", "Yamanashi"
    NAGANO = "nagano", "Nagano"
    GIFU = "gifu", "Gifu"
    SHIZUOKA = "shizuoka", "Shizuoka"
    AICHI = "aichi", "Aichi"
    MIE = "mie", "Mie"
    SHIGA = "shiga", "Shiga"
    KYOTO = "kyoto", "Kyoto"
    OSAKA = "osaka", "Osaka"
    HYOGO = "hyogo", "Hyogo"
    NARA = "nara", "Nara"
    WAKAYAMA = "wakayama", "Wakayama"
    TOTTORI = "tottori", "Tottori"
    SHIMANE = "shimane", "Shimane"
    OKAYAMA = "okayama", "Okayama"
    HIROSHIMA = "hiroshima", "Hiroshima"
    YAMAGUCHI = "yamaguchi", "Yamaguchi"
    TOKUSHIMA = "tokushima", "Tokushima"
    KAGAWA = "kagawa", "Kagawa"
    EHIME = "ehime", "Ehime"
    KOCHI = "kochi", "Kochi"
    FUKUOKA = "fukuoka", "Fukuoka"
    SAGA = "saga", "Saga"
    NAGASAKI = "nagasaki", "Nagasaki"
    KUMAMOTO = "kumamoto", "Kumamoto"
    OITA = "oita", "Oita"
    MIYAZAKI = "miyazaki", "Miyazaki"
    KAGOSHIMA = "kagoshima", "Kagoshima"
    OKINAWA = "okinawa", "Okinawa"


KANJI = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県",
    "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
    "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
    "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
    "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)  # fmt: skip

_SUFFIXES = (" prefecture", " pref.", " pref", "-ken", "-fu", "-to", " ken", " fu", " to")


def _fold(text: str) -> str:
    """Lower case without macrons or circumflexes: "Hyōgo" and "Hyôgo" become "hyogo"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _lookup() -> dict[str, Prefecture]:
    table: dict[str, Prefecture] = {}
    for code, (prefecture, kanji) in enumerate(zip(Prefecture, KANJI, strict=True), start=1):
        table[prefecture.value] = prefecture
        table[f"{code:02d}"] = prefecture
        table[str(code)] = prefecture
        table[kanji] = prefecture
        if kanji[-1] in "都府県":  # 京都府 -> 京都, not 京
            table[kanji[:-1]] = prefecture
    # "Tokyo-to", "Kyoto-fu" and "Nara Prefecture" are handled by the suffixes.
    return table


_BY_TEXT = _lookup()


def prefecture_from_text(text: str) -> Prefecture | None:
    """The prefecture a feed means, or None when the text names none of the 47."""
    quick = _BY_TEXT.get(text.strip().lower())  # "Tokyo", "tokyo": most feeds
    if quick is not None:
        return quick
    folded = _fold(text)
    if folded in _BY_TEXT:
        return _BY_TEXT[folded]
    for suffix in _SUFFIXES:
        if folded.endswith(suffix) and folded[: -len(suffix)] in _BY_TEXT:
            return _BY_TEXT[folded[: -len(suffix)]]
    return None
