"""Procedurally drawn property photos for the demo listings feed.

Drawn from scratch with Pillow, so the demo needs no downloads and carries no one else's
rights. A small set is drawn once and shared by all demo listings (a feed of a few hundred
listings does not need a few hundred pictures). Deterministic for a kind and a seed; each
picture is drawn at twice its size and reduced, which smooths the edges.
"""

import io
import itertools
import math
import random
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter

type RGB = tuple[int, int, int]

SIZE = (960, 640)
_SS = 2  # supersampling factor


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    t = min(1.0, max(0.0, t))
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def _shade(c: RGB, f: float) -> RGB:
    return tuple(max(0, min(255, round(v * f))) for v in c)  # type: ignore[return-value]


def _jitter(rng: random.Random, c: RGB, amount: int) -> RGB:
    return tuple(max(0, min(255, v + rng.randint(-amount, amount))) for v in c)  # type: ignore[return-value]


class _Canvas:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.w, self.h = SIZE[0] * _SS, SIZE[1] * _SS
        self.image = Image.new("RGB", (self.w, self.h), (200, 210, 220))
        self.d = ImageDraw.Draw(self.image, "RGBA")

    def vertical_gradient(self, top: float, bottom: float, stops: list[tuple[float, RGB]]) -> None:
        y0, y1 = round(top * self.h), round(bottom * self.h)
        for y in range(y0, y1):
            t = (y - y0) / max(1, y1 - y0)
            for (ta, ca), (tb, cb) in itertools.pairwise(stops):
                if ta <= t <= tb:
                    color = _mix(ca, cb, (t - ta) / max(1e-6, tb - ta))
                    break
            else:
                color = stops[-1][1]
            self.d.line((0, y, self.w, y), fill=color)

    def finish(self) -> bytes:
        image = self.image.resize(SIZE, Image.Resampling.LANCZOS)
        noise = Image.effect_noise(SIZE, 9).convert("RGB")
        image = Image.blend(image, noise, 0.035)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82, optimize=True, progressive=True)
        return out.getvalue()


# --------------------------------------------------------------------------- scenery

_SKIES = (
    [(0, (88, 142, 204)), (0.6, (156, 196, 232)), (1, (214, 230, 240))],  # clear
    [(0, (120, 140, 168)), (0.7, (182, 192, 204)), (1, (214, 218, 222))],  # overcast
    [(0, (74, 110, 170)), (0.5, (190, 170, 180)), (1, (246, 200, 150))],  # late afternoon
)


def _sky(c: _Canvas, horizon: float) -> None:
    c.vertical_gradient(0, horizon + 0.01, c.rng.choice(_SKIES))
    for _ in range(c.rng.randint(2, 5)):
        cx, cy = c.rng.uniform(0, c.w), c.rng.uniform(0.05, horizon * 0.6) * c.h
        for _ in range(7):
            rx, ry = c.rng.uniform(60, 180) * _SS, c.rng.uniform(20, 50) * _SS
            ox, oy = c.rng.uniform(-160, 160) * _SS, c.rng.uniform(-25, 25) * _SS
            c.d.ellipse(
                (cx + ox - rx, cy + oy - ry, cx + ox + rx, cy + oy + ry), fill=(255, 255, 255, 38)
            )


def _hills(c: _Canvas, horizon: float) -> None:
    base = horizon * c.h
    color = _jitter(c.rng, (118, 140, 150), 10)
    points = [(0, base)]
    phase = c.rng.uniform(0, 6)
    for i in range(41):
        x = c.w * i / 40
        y = base - (40 + 30 * math.sin(i / 5 + phase) + 15 * math.sin(i / 2.3)) * _SS
        points.append((x, y))
    points.append((c.w, base))
    c.d.polygon(points, fill=color)


def _ground(c: _Canvas, horizon: float) -> None:
    c.vertical_gradient(horizon, 1, [(0, (150, 150, 146)), (1, (104, 104, 104))])
    y = horizon * c.h
    c.d.rectangle((0, y, c.w, y + 26 * _SS), fill=(186, 182, 174))  # pavement
    c.d.line((0, y + 26 * _SS, c.w, y + 26 * _SS), fill=(120, 118, 112), width=3 * _SS)
    for i in range(0, c.w, 120 * _SS):  # white line at the road's edge
        c.d.line((i, c.h * 0.93, i + 70 * _SS, c.h * 0.93), fill=(236, 236, 230), width=4 * _SS)


def _tree(c: _Canvas, x: float, ground: float, size: float) -> None:
    trunk = (92, 70, 52)
    c.d.rectangle((x - size * 0.06, ground - size * 0.9, x + size * 0.06, ground), fill=trunk)
    green = _jitter(c.rng, (74, 118, 62), 14)
    for _ in range(14):
        ox, oy = c.rng.uniform(-0.45, 0.45) * size, c.rng.uniform(-1.45, -0.75) * size
        r = c.rng.uniform(0.22, 0.36) * size
        shade = _shade(green, c.rng.uniform(0.8, 1.2))
        c.d.ellipse((x + ox - r, ground + oy - r, x + ox + r, ground + oy + r), fill=shade)


def _utility_pole(c: _Canvas, x: float, ground: float, height: float) -> None:
    top = ground - height
    c.d.rectangle((x - 7 * _SS, top, x + 7 * _SS, ground), fill=(150, 146, 138))
    for k in (0.04, 0.1):
        y = top + height * k
        c.d.rectangle((x - 40 * _SS, y, x + 40 * _SS, y + 5 * _SS), fill=(70, 70, 70))
    c.d.rectangle(
        (x + 8 * _SS, top + height * 0.18, x + 26 * _SS, top + height * 0.27), fill=(110, 110, 112)
    )
    for k, sag in ((0.04, 40), (0.1, 55)):
        y = top + height * k
        for side in (-1, 1):
            end = c.w if side > 0 else 0
            mid = (x + end) / 2
            points = [
                (x + side * 38 * _SS, y),
                (mid, y + sag * _SS),
                (end, y + 10 * _SS),
            ]
            c.d.line(_bezier(*points), fill=(40, 40, 44), width=2 * _SS)


def _bezier(p0, p1, p2, n: int = 24):
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, k = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * p0[0] + b * p1[0] + k * p2[0], a * p0[1] + b * p1[1] + k * p2[1]))
    return out


# --------------------------------------------------------------------------- buildings


def _window(c: _Canvas, box: tuple[float, float, float, float], sky_tint: RGB) -> None:
    x0, y0, x1, y1 = box
    c.d.rectangle(box, fill=(58, 66, 78))
    glass = _mix((70, 88, 110), sky_tint, c.rng.uniform(0.2, 0.6))
    c.d.rectangle((x0 + 2 * _SS, y0 + 2 * _SS, x1 - 2 * _SS, y1 - 2 * _SS), fill=glass)
    # a diagonal reflection and, sometimes, a curtain
    c.d.polygon(
        [
            (x0 + (x1 - x0) * 0.55, y0),
            (x1, y0),
            (x1, y0 + (y1 - y0) * 0.35),
            (x0 + (x1 - x0) * 0.2, y1),
        ],
        fill=(255, 255, 255, 28),
    )
    if c.rng.random() < 0.35:
        curtain = c.rng.choice([(232, 226, 210), (210, 220, 226), (236, 214, 196)])
        c.d.rectangle(
            (x0 + 2 * _SS, y0 + 2 * _SS, x0 + (x1 - x0) * 0.4, y1 - 2 * _SS), fill=(*curtain, 220)
        )


def _side_face(
    c: _Canvas, x: float, top: float, bottom: float, depth: float, rise: float, color: RGB
):
    c.d.polygon(
        [(x, top), (x + depth, top - rise), (x + depth, bottom - rise), (x, bottom)], fill=color
    )


def _apartment_block(
    c: _Canvas, x: float, ground: float, width: float, floors: int, facade: RGB, balconies: bool
) -> None:
    floor_h = 78 * _SS
    height = floors * floor_h + 30 * _SS
    top = ground - height
    depth, rise = width * 0.32, width * 0.12
    _side_face(c, x + width, top, ground, depth, rise, _shade(facade, 0.72))
    c.d.polygon(
        [(x, top), (x + depth, top - rise), (x + width + depth, top - rise), (x + width, top)],
        fill=_shade(facade, 1.08),
    )
    c.d.rectangle((x, top, x + width, ground), fill=facade)
    c.d.rectangle(
        (x - 4 * _SS, top - 10 * _SS, x + width + 4 * _SS, top + 6 * _SS), fill=_shade(facade, 0.9)
    )
    sky = (170, 200, 230)
    bays = max(3, round(width / (140 * _SS)))
    bay = width / bays
    for f in range(floors):
        fy = ground - (f + 1) * floor_h
        for b in range(bays):
            bx = x + b * bay
            if f == 0 and b == bays // 2:  # entrance
                c.d.rectangle(
                    (bx + bay * 0.2, fy + floor_h * 0.25, bx + bay * 0.8, ground), fill=(60, 62, 66)
                )
                c.d.rectangle(
                    (bx + bay * 0.25, fy + floor_h * 0.3, bx + bay * 0.75, ground),
                    fill=(150, 170, 180),
                )
                c.d.rectangle(
                    (bx + bay * 0.1, fy + floor_h * 0.18, bx + bay * 0.9, fy + floor_h * 0.26),
                    fill=_shade(facade, 0.6),
                )
                continue
            _window(
                c, (bx + bay * 0.16, fy + floor_h * 0.18, bx + bay * 0.84, fy + floor_h * 0.8), sky
            )
            if balconies and f > 0:
                rail_top = fy + floor_h * 0.55
                c.d.rectangle(
                    (bx + 2 * _SS, rail_top, bx + bay - 2 * _SS, fy + floor_h * 0.98),
                    fill=(*_shade(facade, 0.95), 235),
                )
                c.d.line(
                    (bx + 2 * _SS, rail_top, bx + bay - 2 * _SS, rail_top),
                    fill=_shade(facade, 0.65),
                    width=3 * _SS,
                )
                c.d.rectangle(
                    (bx + 2 * _SS, fy + floor_h * 0.98, bx + bay - 2 * _SS, fy + floor_h + 3 * _SS),
                    fill=(0, 0, 0, 60),
                )
        # side windows, sheared with the face
        for k in range(2):
            sx = x + width + depth * (0.25 + 0.4 * k)
            sy = fy + floor_h * 0.25 - rise * (0.25 + 0.4 * k)
            w, h = depth * 0.22, floor_h * 0.5
            c.d.polygon(
                [
                    (sx, sy),
                    (sx + w, sy - rise * 0.22),
                    (sx + w, sy + h - rise * 0.22),
                    (sx, sy + h),
                ],
                fill=(70, 80, 96),
            )


def _gabled_house(
    c: _Canvas, x: float, ground: float, width: float, wall: RGB, roof: RGB, storeys: int
) -> None:
    storey = 120 * _SS
    top = ground - storeys * storey
    depth, rise = width * 0.35, width * 0.14
    _side_face(c, x + width, top, ground, depth, rise, _shade(wall, 0.75))
    # gable on the side face, roof slope over the front
    peak = (x + width + depth / 2, top - rise / 2 - width * 0.28)
    c.d.polygon([(x + width, top), peak, (x + width + depth, top - rise)], fill=_shade(wall, 0.7))
    c.d.polygon(
        [
            (x - 14 * _SS, top + 8 * _SS),
            (x + depth / 2 - 14 * _SS, peak[1]),
            peak,
            (x + width + 14 * _SS, top + 8 * _SS),
        ],
        fill=roof,
    )
    for i in range(1, 9):  # roof tile courses
        t = i / 9
        ya = top + 8 * _SS + (peak[1] - top - 8 * _SS) * t
        xa = x - 14 * _SS + (depth / 2) * t
        c.d.line(
            (xa, ya, xa + width + 28 * _SS - (depth / 2) * t * 0.1, ya),
            fill=_shade(roof, 0.8),
            width=2 * _SS,
        )
    c.d.rectangle((x, top + 8 * _SS, x + width, ground), fill=wall)
    for s in range(storeys):
        sy = ground - (s + 1) * storey
        for k in range(3):
            wx = x + width * (0.1 + 0.3 * k)
            if s == 0 and k == 0:
                c.d.rectangle(
                    (wx, sy + storey * 0.25, wx + width * 0.16, ground), fill=(96, 70, 52)
                )
                c.d.ellipse(
                    (wx + width * 0.12, sy + storey * 0.6, wx + width * 0.14, sy + storey * 0.64),
                    fill=(210, 190, 120),
                )
                continue
            _window(
                c, (wx, sy + storey * 0.22, wx + width * 0.22, sy + storey * 0.7), (190, 210, 230)
            )
    # garden wall
    c.d.rectangle((x - 60 * _SS, ground - 46 * _SS, x + width * 0.55, ground), fill=(176, 170, 160))
    for i in range(0, round(width * 0.55 + 60 * _SS), 40 * _SS):
        c.d.line(
            (x - 60 * _SS + i, ground - 46 * _SS, x - 60 * _SS + i, ground),
            fill=(150, 144, 136),
            width=2 * _SS,
        )


def _tower(c: _Canvas, x: float, ground: float, width: float, floors: int, facade: RGB) -> None:
    floor_h = 34 * _SS
    top = ground - floors * floor_h
    depth, rise = width * 0.55, width * 0.1
    side = _shade(facade, 0.7)
    _side_face(c, x + width, top, ground, depth, rise, side)
    c.d.rectangle((x, top, x + width, ground), fill=facade)
    c.d.rectangle(
        (x + width * 0.3, top - 40 * _SS, x + width * 0.7, top), fill=_shade(facade, 0.85)
    )
    for f in range(floors):
        fy = ground - (f + 1) * floor_h
        c.d.rectangle((x, fy + floor_h * 0.2, x + width, fy + floor_h * 0.75), fill=(92, 118, 148))
        c.d.rectangle((x, fy + floor_h * 0.75, x + width, fy + floor_h), fill=_shade(facade, 1.05))
        c.d.polygon(
            [
                (x + width, fy + floor_h * 0.25),
                (x + width + depth, fy + floor_h * 0.25 - rise),
                (x + width + depth, fy + floor_h * 0.7 - rise),
                (x + width, fy + floor_h * 0.7),
            ],
            fill=(72, 92, 116),
        )
    for i in range(1, 8):  # mullions
        mx = x + width * i / 8
        c.d.line((mx, top, mx, ground), fill=_shade(facade, 0.85), width=3 * _SS)
    c.d.polygon(
        [(x + width * 0.55, top), (x + width, top), (x + width, top + (ground - top) * 0.5)],
        fill=(255, 255, 255, 22),
    )


def _shop_building(
    c: _Canvas, x: float, ground: float, width: float, floors: int, facade: RGB
) -> None:
    floor_h = 92 * _SS
    top = ground - floors * floor_h - 20 * _SS
    depth, rise = width * 0.25, width * 0.1
    _side_face(c, x + width, top, ground, depth, rise, _shade(facade, 0.7))
    c.d.rectangle((x, top, x + width, ground), fill=facade)
    # shop front: glass, an awning and a blank sign
    c.d.rectangle(
        (x + width * 0.04, ground - floor_h * 0.9, x + width * 0.96, ground), fill=(230, 222, 190)
    )
    for i in range(6):
        gx = x + width * (0.04 + 0.92 * i / 6)
        c.d.line((gx, ground - floor_h * 0.9, gx, ground), fill=(90, 90, 90), width=3 * _SS)
    awning = c.rng.choice([(176, 52, 44), (40, 92, 140), (48, 120, 84), (200, 140, 40)])
    c.d.polygon(
        [
            (x, ground - floor_h * 0.95),
            (x + width, ground - floor_h * 0.95),
            (x + width + 12 * _SS, ground - floor_h * 0.72),
            (x - 12 * _SS, ground - floor_h * 0.72),
        ],
        fill=awning,
    )
    for i in range(0, round(width), 36 * _SS):
        c.d.line(
            (x + i, ground - floor_h * 0.95, x + i - 4 * _SS, ground - floor_h * 0.72),
            fill=_shade(awning, 1.25),
            width=8 * _SS,
        )
    c.d.rectangle(
        (x + width * 0.9, top + 20 * _SS, x + width * 0.98, ground - floor_h * 1.1),
        fill=_jitter(c.rng, (236, 232, 220), 10),
    )
    for f in range(1, floors):
        fy = ground - (f + 1) * floor_h
        _window(
            c,
            (x + width * 0.06, fy + floor_h * 0.2, x + width * 0.84, fy + floor_h * 0.78),
            (190, 210, 230),
        )
        for k in range(1, 4):
            mx = x + width * (0.06 + 0.78 * k / 4)
            c.d.line(
                (mx, fy + floor_h * 0.2, mx, fy + floor_h * 0.78), fill=(70, 74, 80), width=3 * _SS
            )


def _background_houses(c: _Canvas, ground: float, count: int) -> None:
    for _ in range(count):
        w = c.rng.uniform(120, 220) * _SS
        x = c.rng.uniform(-50, c.w / _SS) * _SS
        h = c.rng.uniform(70, 120) * _SS
        wall = _jitter(c.rng, (196, 190, 178), 20)
        roof = _jitter(c.rng, (80, 86, 96), 16)
        c.d.rectangle((x, ground - h, x + w, ground), fill=wall)
        c.d.polygon(
            [
                (x - 10 * _SS, ground - h),
                (x + w / 2, ground - h - w * 0.25),
                (x + w + 10 * _SS, ground - h),
            ],
            fill=roof,
        )
        for k in range(2):
            wx = x + w * (0.15 + 0.45 * k)
            c.d.rectangle(
                (wx, ground - h * 0.75, wx + w * 0.25, ground - h * 0.4), fill=(90, 104, 120)
            )


# --------------------------------------------------------------------------- scenes


def _scene_apartment(c: _Canvas) -> None:
    horizon = 0.74
    _sky(c, horizon)
    _hills(c, horizon - 0.1)
    _background_houses(c, horizon * c.h, 6)
    _ground(c, horizon)
    facade = c.rng.choice(
        [(222, 210, 190), (206, 196, 184), (236, 232, 224), (176, 124, 100), (190, 190, 186)]
    )
    floors = c.rng.randint(3, 5)
    width = c.rng.uniform(0.42, 0.52) * c.w
    x = c.rng.uniform(0.12, 0.2) * c.w
    _apartment_block(
        c, x, horizon * c.h + 6 * _SS, width, floors, _jitter(c.rng, facade, 8), balconies=True
    )
    _tree(c, x - 40 * _SS, horizon * c.h + 20 * _SS, 150 * _SS)
    _utility_pole(c, c.w * 0.86, c.h * 0.95, c.h * 0.85)


def _scene_condominium(c: _Canvas) -> None:
    horizon = 0.8
    _sky(c, horizon)
    for _ in range(5):  # distant towers
        w = c.rng.uniform(80, 140) * _SS
        bx = c.rng.uniform(0, c.w / _SS) * _SS
        bh = c.rng.uniform(0.25, 0.45) * c.h
        c.d.rectangle(
            (bx, horizon * c.h - bh, bx + w, horizon * c.h),
            fill=_jitter(c.rng, (150, 164, 178), 12),
        )
    _ground(c, horizon)
    facade = c.rng.choice([(226, 224, 218), (200, 196, 188), (214, 206, 196)])
    width = c.rng.uniform(0.24, 0.3) * c.w
    _tower(c, c.w * 0.32, horizon * c.h + 6 * _SS, width, c.rng.randint(22, 28), facade)
    _tree(c, c.w * 0.2, horizon * c.h + 24 * _SS, 170 * _SS)
    _tree(c, c.w * 0.84, horizon * c.h + 24 * _SS, 150 * _SS)


def _scene_house(c: _Canvas) -> None:
    horizon = 0.72
    _sky(c, horizon)
    _hills(c, horizon - 0.05)
    _background_houses(c, horizon * c.h, 4)
    _ground(c, horizon)
    wall = c.rng.choice([(232, 226, 214), (214, 200, 178), (196, 204, 206), (226, 214, 200)])
    roof = c.rng.choice([(70, 76, 88), (104, 72, 60), (60, 84, 96)])
    width = c.rng.uniform(0.34, 0.42) * c.w
    _gabled_house(c, c.w * 0.26, horizon * c.h + 8 * _SS, width, wall, roof, 2)
    _tree(c, c.w * 0.14, horizon * c.h + 30 * _SS, 160 * _SS)
    _utility_pole(c, c.w * 0.9, c.h * 0.96, c.h * 0.86)


def _scene_land(c: _Canvas) -> None:
    horizon = 0.5
    _sky(c, horizon)
    _hills(c, horizon)
    _background_houses(c, horizon * c.h, 9)
    c.vertical_gradient(horizon, 1, [(0, (168, 156, 130)), (1, (128, 116, 96))])
    for _ in range(2500):  # gravel
        x, y = c.rng.uniform(0, c.w), c.rng.uniform(horizon, 1) * c.h
        r = (1 + (y / c.h - horizon) * 4) * _SS
        c.d.ellipse((x - r, y - r, x + r, y + r), fill=(*_jitter(c.rng, (150, 140, 120), 30), 160))
    for _ in range(40):  # weeds
        x, y = c.rng.uniform(0, c.w), c.rng.uniform(horizon + 0.05, 1) * c.h
        s = (8 + (y / c.h - horizon) * 40) * _SS
        c.d.ellipse((x - s, y - s * 0.5, x + s, y + s * 0.3), fill=(96, 128, 70, 200))
    # rope fence on posts along the lot's front edge
    posts = [(c.w * k / 7, c.h * 0.82) for k in range(8)]
    for px, py in posts:
        c.d.rectangle((px - 5 * _SS, py - 70 * _SS, px + 5 * _SS, py), fill=(210, 206, 196))
    for (ax, ay), (bx, by) in itertools.pairwise(posts):
        c.d.line(
            _bezier((ax, ay - 60 * _SS), ((ax + bx) / 2, ay - 48 * _SS), (bx, by - 60 * _SS)),
            fill=(226, 220, 60),
            width=3 * _SS,
        )
    sx = c.w * c.rng.uniform(0.55, 0.7)
    c.d.rectangle((sx - 4 * _SS, c.h * 0.56, sx + 4 * _SS, c.h * 0.72), fill=(120, 120, 120))
    c.d.rectangle((sx - 70 * _SS, c.h * 0.5, sx + 70 * _SS, c.h * 0.6), fill=(246, 246, 240))
    c.d.rectangle((sx - 60 * _SS, c.h * 0.52, sx + 60 * _SS, c.h * 0.535), fill=(190, 40, 40))


def _scene_commercial(c: _Canvas) -> None:
    horizon = 0.78
    _sky(c, horizon)
    _ground(c, horizon)
    facade = c.rng.choice([(196, 186, 170), (170, 176, 182), (214, 206, 190), (150, 120, 104)])
    x = c.rng.uniform(0.06, 0.12) * c.w
    _shop_building(c, x, horizon * c.h + 6 * _SS, 0.36 * c.w, c.rng.randint(3, 4), facade)
    _shop_building(
        c,
        x + 0.5 * c.w,
        horizon * c.h + 6 * _SS,
        0.3 * c.w,
        c.rng.randint(3, 5),
        _jitter(c.rng, facade, 20),
    )
    _utility_pole(c, c.w * 0.47, c.h * 0.97, c.h * 0.9)


def _scene_interior(c: _Canvas) -> None:
    w, h = c.w, c.h
    wall = c.rng.choice([(236, 232, 222), (228, 224, 216), (238, 234, 228)])
    floor = c.rng.choice([(176, 132, 92), (196, 160, 118), (150, 112, 80)])
    back = (w * 0.24, h * 0.2, w * 0.76, h * 0.66)
    c.d.rectangle((0, 0, w, h), fill=_shade(wall, 0.9))
    c.d.polygon(
        [(0, 0), (back[0], back[1]), (back[0], back[3]), (0, h)], fill=_shade(wall, 0.82)
    )  # left wall
    c.d.polygon(
        [(w, 0), (back[2], back[1]), (back[2], back[3]), (w, h)], fill=_shade(wall, 0.94)
    )  # right wall
    c.d.polygon(
        [(0, 0), (w, 0), (back[2], back[1]), (back[0], back[1])], fill=_shade(wall, 1.02)
    )  # ceiling
    c.d.rectangle(back, fill=wall)
    c.d.polygon([(0, h), (w, h), (back[2], back[3]), (back[0], back[3])], fill=floor)
    for i in range(1, 14):  # floorboards towards the vanishing point
        t = i / 14
        c.d.line(
            (w * t, h, back[0] + (back[2] - back[0]) * t, back[3]),
            fill=_shade(floor, 0.86),
            width=2 * _SS,
        )
    # a balcony window in the back wall, with daylight falling on the floor
    wx0, wx1 = back[0] + (back[2] - back[0]) * 0.18, back[0] + (back[2] - back[0]) * 0.82
    wy0, wy1 = back[1] + (back[3] - back[1]) * 0.08, back[3]
    c.d.rectangle((wx0, wy0, wx1, wy1), fill=(210, 226, 236))
    c.d.rectangle((wx0, wy0 + (wy1 - wy0) * 0.55, wx1, wy1), fill=(196, 206, 200))
    c.d.line(((wx0 + wx1) / 2, wy0, (wx0 + wx1) / 2, wy1), fill=(200, 200, 200), width=5 * _SS)
    c.d.rectangle((wx0, wy0, wx1, wy1), outline=(190, 190, 186), width=6 * _SS)
    c.d.polygon(
        [(wx0, wy1), (wx1, wy1), (wx1 + w * 0.08, h * 0.95), (wx0 - w * 0.12, h * 0.95)],
        fill=(255, 246, 220, 60),
    )
    if c.rng.random() < 0.5:  # a kitchen counter on the right
        c.d.polygon(
            [(w * 0.82, h * 0.52), (w, h * 0.47), (w, h * 0.88), (w * 0.82, h * 0.74)],
            fill=(222, 222, 218),
        )
        c.d.polygon(
            [(w * 0.82, h * 0.52), (w, h * 0.47), (w, h * 0.44), (w * 0.8, h * 0.5)],
            fill=(120, 120, 124),
        )
    else:  # built-in wardrobe doors on the left
        for k in range(3):
            t0, t1 = 0.2 + 0.25 * k, 0.42 + 0.25 * k
            x0, x1 = back[0] * (1 - t0), back[0] * (1 - t1)
            c.d.polygon(
                [
                    (x0, back[1] * (1 - t0) + 40 * _SS),
                    (x1, back[1] * (1 - t1) + 40 * _SS),
                    (x1, back[3] + (h - back[3]) * t1 - 20 * _SS),
                    (x0, back[3] + (h - back[3]) * t0 - 20 * _SS),
                ],
                fill=(226, 220, 206),
                outline=(190, 184, 170),
            )
    c.image = c.image.filter(ImageFilter.GaussianBlur(1.2))
    c.d = ImageDraw.Draw(c.image, "RGBA")


SCENES: dict[str, Callable[[_Canvas], None]] = {
    "apartment": _scene_apartment,
    "condominium": _scene_condominium,
    "house": _scene_house,
    "land": _scene_land,
    "commercial": _scene_commercial,
    "interior": _scene_interior,
}


def draw_photo(kind: str, *, seed: int) -> bytes:
    """A property photo of the given kind as JPEG bytes (deterministic per kind and seed)."""
    canvas = _Canvas(random.Random(f"{kind}:{seed}"))
    SCENES[kind](canvas)
    return canvas.finish()
