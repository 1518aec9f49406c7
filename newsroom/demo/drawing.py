"""The demo's Pillow drawing kit: colours, curves, soft masks and a supersampled canvas.

The news photographs (:mod:`newsroom.demo.news_photos`) and the property photos of the
listings feed (:mod:`newsroom.demo.property_photos`) are both drawn with it. A canvas is
SS times the size asked for and reduced when finished, which gives cheap anti-aliasing;
drawing is deterministic for a given random generator.
"""

import io
import itertools
import math
import random
from collections.abc import Sequence
from functools import cache, lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter

type RGB = tuple[int, int, int]
type Point = tuple[float, float]

SS = 2  # supersampling factor


def mix(a: RGB, b: RGB, t: float) -> RGB:
    t = min(1.0, max(0.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def shade(c: RGB, f: float) -> RGB:
    return (min(255, round(c[0] * f)), min(255, round(c[1] * f)), min(255, round(c[2] * f)))


def rgba(c: RGB, a: int) -> tuple[int, int, int, int]:
    return (c[0], c[1], c[2], a)


def jitter(rng: random.Random, c: RGB, amount: int) -> RGB:
    return (
        max(0, min(255, c[0] + rng.randint(-amount, amount))),
        max(0, min(255, c[1] + rng.randint(-amount, amount))),
        max(0, min(255, c[2] + rng.randint(-amount, amount))),
    )


def ellipse(
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    angle: float = 0.0,
    n: int = 40,
    a0: float = 0.0,
    a1: float = 2 * math.pi,
) -> list[Point]:
    """Points on an ellipse rotated by ``angle`` radians (optionally an arc)."""
    ca, sa = math.cos(angle), math.sin(angle)
    pts = []
    for i in range(n + 1):
        t = a0 + (a1 - a0) * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def bezier(p0: Point, p1: Point, p2: Point, n: int = 16) -> list[Point]:
    """Points on a quadratic Bezier curve."""
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


def ridge(
    rng: random.Random, x0: float, x1: float, y: float, amp: float, rough: float = 0.55
) -> list[Point]:
    """A jagged skyline (midpoint displacement) from x0 to x1 around height y."""
    pts = [y + rng.uniform(-amp, amp), y + rng.uniform(-amp, amp)]
    scale = amp
    for _ in range(6):
        new = []
        for a, b in itertools.pairwise(pts):
            new += [a, (a + b) / 2 + rng.uniform(-scale, scale)]
        new.append(pts[-1])
        pts = new
        scale *= rough
    n = len(pts) - 1
    return [(x0 + (x1 - x0) * i / n, v) for i, v in enumerate(pts)]


@cache
def _falloff_mask(power: float) -> Image.Image:
    """A 256x256 soft disc: 255 in the middle, fading to 0 at the inscribed circle."""
    base = Image.radial_gradient("L")
    table = [round(255 * max(0.0, 1 - min(1.0, v / 181)) ** power) for v in range(256)]
    return base.point(table)


@lru_cache(maxsize=32)
def _glow_mask(power: float, w: int, h: int, alpha_pct: int) -> Image.Image:
    """The soft disc from :func:`_falloff_mask`, stretched to w x h and scaled by alpha."""
    mask = _falloff_mask(power).resize((w, h), Image.Resampling.BILINEAR)
    if alpha_pct < 100:
        mask = mask.point(lambda v: round(v * alpha_pct / 100))
    return mask


@lru_cache(maxsize=4)
def _vignette_mask(w: int, h: int, strength: float) -> Image.Image:
    table = [round(255 * (1 - strength * min(1.0, v / 255) ** 2.2)) for v in range(256)]
    vig = Image.radial_gradient("L").resize((w, h), Image.Resampling.BILINEAR).point(table)
    return Image.merge("RGB", (vig, vig, vig))


class Canvas:
    """A supersampled RGB canvas with a few drawing conveniences (pixel coordinates)."""

    def __init__(self, size: tuple[int, int], rng: random.Random) -> None:
        self.w, self.h = size[0] * SS, size[1] * SS
        self.rng = rng
        self.img = Image.new("RGB", (self.w, self.h))
        self.d = ImageDraw.Draw(self.img, "RGBA")

    def x(self, f: float) -> float:
        return f * self.w

    def y(self, f: float) -> float:
        return f * self.h

    def p(self, fx: float, fy: float) -> Point:
        return (fx * self.w, fy * self.h)

    def gradient(
        self,
        stops: Sequence[tuple[float, RGB]],
        box: tuple[float, float, float, float] | None = None,
    ) -> None:
        """Fill ``box`` (pixels; whole canvas by default) with a vertical gradient."""
        x0, y0, x1, y1 = box or (0, 0, self.w, self.h)
        x0, y0, x1, y1 = int(x0), int(y0), math.ceil(x1), math.ceil(y1)
        h = max(1, y1 - y0)
        col = Image.new("RGB", (1, h))
        data = []
        for i in range(h):
            t = i / max(1, h - 1)
            for (ta, ca), (tb, cb) in itertools.pairwise(stops):
                if t <= tb:
                    data.append(mix(ca, cb, (t - ta) / max(1e-6, tb - ta)))
                    break
            else:
                data.append(stops[-1][1])
        col.putdata(data)
        self.img.paste(col.resize((max(1, x1 - x0), h), Image.Resampling.NEAREST), (x0, y0))

    def glow(
        self,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        color: RGB,
        alpha: float = 1.0,
        power: float = 2.0,
    ) -> None:
        """Paint a soft radial glow of ``color`` centred on (cx, cy)."""
        rx, ry = max(1, int(rx)), max(1, int(ry))
        mask = _glow_mask(power, 2 * rx, 2 * ry, round(alpha * 100))
        self.img.paste(color, (int(cx) - rx, int(cy) - ry, int(cx) + rx, int(cy) + ry), mask)

    def blur(self, radius: float) -> None:
        """Soften everything drawn so far (a cheap depth-of-field for backgrounds)."""
        small = self.img.reduce(4).filter(ImageFilter.GaussianBlur(radius / 4))
        self.img = small.resize((self.w, self.h), Image.Resampling.BILINEAR)
        self.d = ImageDraw.Draw(self.img, "RGBA")

    def paste_pattern(self, pattern: Image.Image, mask_poly: Sequence[Point]) -> None:
        """Paste ``pattern`` (stretched to the canvas) inside a polygon."""
        mask = Image.new("L", (self.w, self.h), 0)
        ImageDraw.Draw(mask).polygon(list(mask_poly), fill=255)
        full = pattern.resize((self.w, self.h), Image.Resampling.NEAREST)
        self.img.paste(full, (0, 0), mask)

    def clouds(self, cx: float, cy: float, size: float, color: RGB, alpha: int = 200) -> None:
        """A fluffy cumulus made of overlapping ellipses, flat-ish underneath."""
        rng = self.rng
        for _ in range(14):
            dx = rng.uniform(-1.6, 1.6) * size
            dy = rng.uniform(-0.7, 0.1) * size * (1 - abs(dx) / (2 * size))
            r = rng.uniform(0.35, 0.75) * size
            self.d.ellipse(
                (cx + dx - r, cy + dy - r * 0.8, cx + dx + r, cy + dy + r * 0.55),
                fill=rgba(jitter(rng, color, 6), alpha),
            )

    def finish(self, *, grain: int = 10, vignette: float = 0.28, quality: int = 85) -> bytes:
        """Reduce the canvas, add a vignette and film grain, and encode it as JPEG."""
        img = self.img.reduce(SS)
        w, h = img.size
        if vignette:
            img = ImageChops.multiply(img, _vignette_mask(w, h, vignette))
        if grain:
            noise = Image.frombytes("L", (w, h), self.rng.randbytes(w * h))
            noise = noise.point([round(128 + (v - 128) * grain / 128) for v in range(256)])
            img = ImageChops.overlay(img, Image.merge("RGB", (noise, noise, noise)))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, optimize=True)
        return buf.getvalue()


def palette_noise(rng: random.Random, cols: int, rows: int, palette: Sequence[RGB]) -> Image.Image:
    """A ``cols`` x ``rows`` image of pixels drawn at random from ``palette``."""
    pal: list[int] = []
    for i in range(256):
        pal += list(palette[i % len(palette)])
    img = Image.frombytes("P", (cols, rows), rng.randbytes(cols * rows))
    img.putpalette(pal)
    return img.convert("RGB")
