"""How listings print prices, yields and areas: one place for templates and history lines."""

from decimal import ROUND_HALF_UP, Decimal


def yen(value) -> str:
    """58000000 -> "¥58,000,000"."""
    if value in (None, ""):
        return ""
    return f"¥{int(value):,}"


def percent(value) -> str:
    """Decimal("6.25") -> "6.3%": yields print with one decimal, rounded half up."""
    if value in (None, ""):
        return ""
    return f"{Decimal(value).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def square_metres(value) -> str:
    """Decimal("123.40") -> "123.4 m²"; whole numbers without decimals."""
    if value in (None, ""):
        return ""
    number = Decimal(value).normalize()
    text = f"{number:,f}" if number == number.to_integral() else f"{number:,.2f}".rstrip("0")
    return f"{text} m²"
