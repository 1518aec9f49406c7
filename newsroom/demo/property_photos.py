"""Procedurally drawn property photos for the demo listings feed.

Drawn from scratch with the demo's Pillow kit (:mod:`newsroom.demo.drawing`), so the demo
needs no downloads and carries no one else's rights. A small set is drawn once and shared by
all demo listings (a feed of a few hundred listings does not need a few hundred pictures).
Deterministic for a kind and a seed.
"""

import itertools
import math
import random
from collections.abc import Callable

from PIL import ImageDraw, ImageFilter

from newsroom.demo.drawing import RGB, SS, Canvas, bezier, jitter, mix, shade

SIZE = (960, 640)


# --------------------------------------------------------------------------- scenery

_SKIES = (
    [(0, (88, 142, 204)), (0.6, (156, 196, 232)), (1, (214, 230, 240))],  # clear
    [(0, (120, 140, 168)), (0.7, (182, 192, 204)), (1, (214, 218, 222))],  # overcast
    [(0, (74, 110, 170)), (0.5, (190, 170, 180)), (1, (246, 200, 150))],  # late afternoon
)


def _sky(c: Canvas, horizon: float) -> None:
    c.gradient(c.rng.choice(_SKIES), (0, 0, c.w, c.y(horizon + 0.01)))
    for _ in range(c.rng.randint(2, 5)):
        cx, cy = c.rng.uniform(0, c.w), c.rng.uniform(0.05, horizon * 0.6) * c.h
        for _ in range(7):
            rx, ry = c.rng.uniform(60, 180) * SS, c.rng.uniform(20, 50) * SS
            ox, oy = c.rng.uniform(-160, 160) * SS, c.rng.uniform(-25, 25) * SS
            c.d.ellipse(
                (cx + ox - rx, cy + oy - ry, cx + ox + rx, cy + oy + ry), fill=(255, 255, 255, 38)
            )


def _hills(c: Canvas, horizon: float) -> None:
    base = horizon * c.h
    color = jitter(c.rng, (118, 140, 150), 10)
    points = [(0, base)]
    phase = c.rng.uniform(0, 6)
    for i in range(41):
        x = c.w * i / 40
        y = base - (40 + 30 * math.sin(i / 5 + phase) + 15 * math.sin(i / 2.3)) * SS
        points.append((x, y))
    points.append((c.w, base))
    c.d.polygon(points, fill=color)


def _ground(c: Canvas, horizon: float) -> None:
    c.gradient([(0, (150, 150, 146)), (1, (104, 104, 104))], (0, c.y(horizon), c.w, c.h))
    y = horizon * c.h
    c.d.rectangle((0, y, c.w, y + 26 * SS), fill=(186, 182, 174))  # pavement
    c.d.line((0, y + 26 * SS, c.w, y + 26 * SS), fill=(120, 118, 112), width=3 * SS)
    for i in range(0, c.w, 120 * SS):  # white line at the road's edge
        c.d.line((i, c.h * 0.93, i + 70 * SS, c.h * 0.93), fill=(236, 236, 230), width=4 * SS)


def _tree(c: Canvas, x: float, ground: float, size: float) -> None:
    trunk = (92, 70, 52)
    c.d.rectangle((x - size * 0.06, ground - size * 0.9, x + size * 0.06, ground), fill=trunk)
    green = jitter(c.rng, (74, 118, 62), 14)
    for _ in range(14):
        ox, oy = c.rng.uniform(-0.45, 0.45) * size, c.rng.uniform(-1.45, -0.75) * size
        r = c.rng.uniform(0.22, 0.36) * size
        leaf = shade(green, c.rng.uniform(0.8, 1.2))
        c.d.ellipse((x + ox - r, ground + oy - r, x + ox + r, ground + oy + r), fill=leaf)


def _utility_pole(c: Canvas, x: float, ground: float, height: float) -> None:
    top = ground - height
    c.d.rectangle((x - 7 * SS, top, x + 7 * SS, ground), fill=(150, 146, 138))
    for k in (0.04, 0.1):
        y = top + height * k
        c.d.rectangle((x - 40 * SS, y, x + 40 * SS, y + 5 * SS), fill=(70, 70, 70))
    c.d.rectangle(
        (x + 8 * SS, top + height * 0.18, x + 26 * SS, top + height * 0.27), fill=(110, 110, 112)
    )
    for k, sag in ((0.04, 40), (0.1, 55)):
        y = top + height * k
        for side in (-1, 1):
            end = c.w if side > 0 else 0
            mid = (x + end) / 2
            points = [
                (x + side * 38 * SS, y),
                (mid, y + sag * SS),
                (end, y + 10 * SS),
            ]
            c.d.line(bezier(*points, n=24), fill=(40, 40, 44), width=2 * SS)


# --------------------------------------------------------------------------- buildings


def _window(c: Canvas, box: tuple[float, float, float, float], sky_tint: RGB) -> None:
    x0, y0, x1, y1 = box
    c.d.rectangle(box, fill=(58, 66, 78))
    glass = mix((70, 88, 110), sky_tint, c.rng.uniform(0.2, 0.6))
    c.d.rectangle((x0 + 2 * SS, y0 + 2 * SS, x1 - 2 * SS, y1 - 2 * SS), fill=glass)
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
            (x0 + 2 * SS, y0 + 2 * SS, x0 + (x1 - x0) * 0.4, y1 - 2 * SS), fill=(*curtain, 220)
        )


def _side_face(
    c: Canvas, x: float, top: float, bottom: float, depth: float, rise: float, color: RGB
):
    c.d.polygon(
        [(x, top), (x + depth, top - rise), (x + depth, bottom - rise), (x, bottom)], fill=color
    )


def _apartment_block(
    c: Canvas, x: float, ground: float, width: float, floors: int, facade: RGB, balconies: bool
) -> None:
    floor_h = 78 * SS
    height = floors * floor_h + 30 * SS
    top = ground - height
    depth, rise = width * 0.32, width * 0.12
    _side_face(c, x + width, top, ground, depth, rise, shade(facade, 0.72))
    c.d.polygon(
        [(x, top), (x + depth, top - rise), (x + width + depth, top - rise), (x + width, top)],
        fill=shade(facade, 1.08),
    )
    c.d.rectangle((x, top, x + width, ground), fill=facade)
    c.d.rectangle(
        (x - 4 * SS, top - 10 * SS, x + width + 4 * SS, top + 6 * SS), fill=shade(facade, 0.9)
    )
    sky = (170, 200, 230)
    bays = max(3, round(width / (140 * SS)))
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
                    fill=shade(facade, 0.6),
                )
                continue
            _window(
                c, (bx + bay * 0.16, fy + floor_h * 0.18, bx + bay * 0.84, fy + floor_h * 0.8), sky
            )
            if balconies and f > 0:
                rail_top = fy + floor_h * 0.55
                c.d.rectangle(
                    (bx + 2 * SS, rail_top, bx + bay - 2 * SS, fy + floor_h * 0.98),
                    fill=(*shade(facade, 0.95), 235),
                )
                c.d.line(
                    (bx + 2 * SS, rail_top, bx + bay - 2 * SS, rail_top),
                    fill=shade(facade, 0.65),
                    width=3 * SS,
                )
                c.d.rectangle(
                    (bx + 2 * SS, fy + floor_h * 0.98, bx + bay - 2 * SS, fy + floor_h + 3 * SS),
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
    c: Canvas, x: float, ground: float, width: float, wall: RGB, roof: RGB, storeys: int
) -> None:
    storey = 120 * SS
    top = ground - storeys * storey
    depth, rise = width * 0.35, width * 0.14
    _side_face(c, x + width, top, ground, depth, rise, shade(wall, 0.75))
    # gable on the side face, roof slope over the front
    peak = (x + width + depth / 2, top - rise / 2 - width * 0.28)
    c.d.polygon([(x + width, top), peak, (x + width + depth, top - rise)], fill=shade(wall, 0.7))
    c.d.polygon(
        [
            (x - 14 * SS, top + 8 * SS),
            (x + depth / 2 - 14 * SS, peak[1]),
            peak,
            (x + width + 14 * SS, top + 8 * SS),
        ],
        fill=roof,
    )
    for i in range(1, 9):  # roof tile courses
        t = i / 9
        ya = top + 8 * SS + (peak[1] - top - 8 * SS) * t
        xa = x - 14 * SS + (depth / 2) * t
        c.d.line(
            (xa, ya, xa + width + 28 * SS - (depth / 2) * t * 0.1, ya),
            fill=shade(roof, 0.8),
            width=2 * SS,
        )
    c.d.rectangle((x, top + 8 * SS, x + width, ground), fill=wall)
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
    c.d.rectangle((x - 60 * SS, ground - 46 * SS, x + width * 0.55, ground), fill=(176, 170, 160))
    for i in range(0, round(width * 0.55 + 60 * SS), 40 * SS):
        c.d.line(
            (x - 60 * SS + i, ground - 46 * SS, x - 60 * SS + i, ground),
            fill=(150, 144, 136),
            width=2 * SS,
        )


def _tower(c: Canvas, x: float, ground: float, width: float, floors: int, facade: RGB) -> None:
    floor_h = 34 * SS
    top = ground - floors * floor_h
    depth, rise = width * 0.55, width * 0.1
    side = shade(facade, 0.7)
    _side_face(c, x + width, top, ground, depth, rise, side)
    c.d.rectangle((x, top, x + width, ground), fill=facade)
    c.d.rectangle((x + width * 0.3, top - 40 * SS, x + width * 0.7, top), fill=shade(facade, 0.85))
    for f in range(floors):
        fy = ground - (f + 1) * floor_h
        c.d.rectangle((x, fy + floor_h * 0.2, x + width, fy + floor_h * 0.75), fill=(92, 118, 148))
        c.d.rectangle((x, fy + floor_h * 0.75, x + width, fy + floor_h), fill=shade(facade, 1.05))
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
        c.d.line((mx, top, mx, ground), fill=shade(facade, 0.85), width=3 * SS)
    c.d.polygon(
        [(x + width * 0.55, top), (x + width, top), (x + width, top + (ground - top) * 0.5)],
        fill=(255, 255, 255, 22),
    )


def _shop_building(
    c: Canvas, x: float, ground: float, width: float, floors: int, facade: RGB
) -> None:
    floor_h = 92 * SS
    top = ground - floors * floor_h - 20 * SS
    depth, rise = width * 0.25, width * 0.1
    _side_face(c, x + width, top, ground, depth, rise, shade(facade, 0.7))
    c.d.rectangle((x, top, x + width, ground), fill=facade)
    # shop front: glass, an awning and a blank sign
    c.d.rectangle(
        (x + width * 0.04, ground - floor_h * 0.9, x + width * 0.96, ground), fill=(230, 222, 190)
    )
    for i in range(6):
        gx = x + width * (0.04 + 0.92 * i / 6)
        c.d.line((gx, ground - floor_h * 0.9, gx, ground), fill=(90, 90, 90), width=3 * SS)
    awning = c.rng.choice([(176, 52, 44), (40, 92, 140), (48, 120, 84), (200, 140, 40)])
    c.d.polygon(
        [
            (x, ground - floor_h * 0.95),
            (x + width, ground - floor_h * 0.95),
            (x + width + 12 * SS, ground - floor_h * 0.72),
            (x - 12 * SS, ground - floor_h * 0.72),
        ],
        fill=awning,
    )
    for i in range(0, round(width), 36 * SS):
        c.d.line(
            (x + i, ground - floor_h * 0.95, x + i - 4 * SS, ground - floor_h * 0.72),
            fill=shade(awning, 1.25),
            width=8 * SS,
        )
    c.d.rectangle(
        (x + width * 0.9, top + 20 * SS, x + width * 0.98, ground - floor_h * 1.1),
        fill=jitter(c.rng, (236, 232, 220), 10),
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
                (mx, fy + floor_h * 0.2, mx, fy + floor_h * 0.78), fill=(70, 74, 80), width=3 * SS
            )


def _background_houses(c: Canvas, ground: float, count: int) -> None:
    for _ in range(count):
        w = c.rng.uniform(120, 220) * SS
        x = c.rng.uniform(-50, c.w / SS) * SS
        h = c.rng.uniform(70, 120) * SS
        wall = jitter(c.rng, (196, 190, 178), 20)
        roof = jitter(c.rng, (80, 86, 96), 16)
        c.d.rectangle((x, ground - h, x + w, ground), fill=wall)
        c.d.polygon(
            [
                (x - 10 * SS, ground - h),
                (x + w / 2, ground - h - w * 0.25),
                (x + w + 10 * SS, ground - h),
            ],
            fill=roof,
        )
        for k in range(2):
            wx = x + w * (0.15 + 0.45 * k)
            c.d.rectangle(
                (wx, ground - h * 0.75, wx + w * 0.25, ground - h * 0.4), fill=(90, 104, 120)
            )


# --------------------------------------------------------------------------- scenes


def _suburb(c: Canvas, horizon: float, *, hills: float, houses: int) -> None:
    """Sky, hills, a row of houses and the street: the setting of a building's photo."""
    _sky(c, horizon)
    _hills(c, hills)
    _background_houses(c, horizon * c.h, houses)
    _ground(c, horizon)


def _scene_apartment(c: Canvas) -> None:
    horizon = 0.74
    _suburb(c, horizon, hills=horizon - 0.1, houses=6)
    facade = c.rng.choice(
        [(222, 210, 190), (206, 196, 184), (236, 232, 224), (176, 124, 100), (190, 190, 186)]
    )
    floors = c.rng.randint(3, 5)
    width = c.rng.uniform(0.42, 0.52) * c.w
    x = c.rng.uniform(0.12, 0.2) * c.w
    _apartment_block(
        c, x, horizon * c.h + 6 * SS, width, floors, jitter(c.rng, facade, 8), balconies=True
    )
    _tree(c, x - 40 * SS, horizon * c.h + 20 * SS, 150 * SS)
    _utility_pole(c, c.w * 0.86, c.h * 0.95, c.h * 0.85)


def _scene_condominium(c: Canvas) -> None:
    horizon = 0.8
    _sky(c, horizon)
    for _ in range(5):  # distant towers
        w = c.rng.uniform(80, 140) * SS
        bx = c.rng.uniform(0, c.w / SS) * SS
        bh = c.rng.uniform(0.25, 0.45) * c.h
        c.d.rectangle(
            (bx, horizon * c.h - bh, bx + w, horizon * c.h),
            fill=jitter(c.rng, (150, 164, 178), 12),
        )
    _ground(c, horizon)
    facade = c.rng.choice([(226, 224, 218), (200, 196, 188), (214, 206, 196)])
    width = c.rng.uniform(0.24, 0.3) * c.w
    _tower(c, c.w * 0.32, horizon * c.h + 6 * SS, width, c.rng.randint(22, 28), facade)
    _tree(c, c.w * 0.2, horizon * c.h + 24 * SS, 170 * SS)
    _tree(c, c.w * 0.84, horizon * c.h + 24 * SS, 150 * SS)


def _scene_house(c: Canvas) -> None:
    horizon = 0.72
    _suburb(c, horizon, hills=horizon - 0.05, houses=4)
    wall = c.rng.choice([(232, 226, 214), (214, 200, 178), (196, 204, 206), (226, 214, 200)])
    roof = c.rng.choice([(70, 76, 88), (104, 72, 60), (60, 84, 96)])
    width = c.rng.uniform(0.34, 0.42) * c.w
    _gabled_house(c, c.w * 0.26, horizon * c.h + 8 * SS, width, wall, roof, 2)
    _tree(c, c.w * 0.14, horizon * c.h + 30 * SS, 160 * SS)
    _utility_pole(c, c.w * 0.9, c.h * 0.96, c.h * 0.86)


def _scene_land(c: Canvas) -> None:
    horizon = 0.5
    _sky(c, horizon)
    _hills(c, horizon)
    _background_houses(c, horizon * c.h, 9)
    c.gradient([(0, (168, 156, 130)), (1, (128, 116, 96))], (0, c.y(horizon), c.w, c.h))
    for _ in range(2500):  # gravel
        x, y = c.rng.uniform(0, c.w), c.rng.uniform(horizon, 1) * c.h
        r = (1 + (y / c.h - horizon) * 4) * SS
        c.d.ellipse((x - r, y - r, x + r, y + r), fill=(*jitter(c.rng, (150, 140, 120), 30), 160))
    for _ in range(40):  # weeds
        x, y = c.rng.uniform(0, c.w), c.rng.uniform(horizon + 0.05, 1) * c.h
        s = (8 + (y / c.h - horizon) * 40) * SS
        c.d.ellipse((x - s, y - s * 0.5, x + s, y + s * 0.3), fill=(96, 128, 70, 200))
    # rope fence on posts along the lot's front edge
    posts = [(c.w * k / 7, c.h * 0.82) for k in range(8)]
    for px, py in posts:
        c.d.rectangle((px - 5 * SS, py - 70 * SS, px + 5 * SS, py), fill=(210, 206, 196))
    for (ax, ay), (bx, by) in itertools.pairwise(posts):
        c.d.line(
            bezier((ax, ay - 60 * SS), ((ax + bx) / 2, ay - 48 * SS), (bx, by - 60 * SS), n=24),
            fill=(226, 220, 60),
            width=3 * SS,
        )
    sx = c.w * c.rng.uniform(0.55, 0.7)
    c.d.rectangle((sx - 4 * SS, c.h * 0.56, sx + 4 * SS, c.h * 0.72), fill=(120, 120, 120))
    c.d.rectangle((sx - 70 * SS, c.h * 0.5, sx + 70 * SS, c.h * 0.6), fill=(246, 246, 240))
    c.d.rectangle((sx - 60 * SS, c.h * 0.52, sx + 60 * SS, c.h * 0.535), fill=(190, 40, 40))


def _scene_commercial(c: Canvas) -> None:
    horizon = 0.78
    _sky(c, horizon)
    _ground(c, horizon)
    facade = c.rng.choice([(196, 186, 170), (170, 176, 182), (214, 206, 190), (150, 120, 104)])
    x = c.rng.uniform(0.06, 0.12) * c.w
    _shop_building(c, x, horizon * c.h + 6 * SS, 0.36 * c.w, c.rng.randint(3, 4), facade)
    _shop_building(
        c,
        x + 0.5 * c.w,
        horizon * c.h + 6 * SS,
        0.3 * c.w,
        c.rng.randint(3, 5),
        jitter(c.rng, facade, 20),
    )
    _utility_pole(c, c.w * 0.47, c.h * 0.97, c.h * 0.9)


def _scene_interior(c: Canvas) -> None:
    w, h = c.w, c.h
    wall = c.rng.choice([(236, 232, 222), (228, 224, 216), (238, 234, 228)])
    floor = c.rng.choice([(176, 132, 92), (196, 160, 118), (150, 112, 80)])
    back = (w * 0.24, h * 0.2, w * 0.76, h * 0.66)
    c.d.rectangle((0, 0, w, h), fill=shade(wall, 0.9))
    c.d.polygon(
        [(0, 0), (back[0], back[1]), (back[0], back[3]), (0, h)], fill=shade(wall, 0.82)
    )  # left wall
    c.d.polygon(
        [(w, 0), (back[2], back[1]), (back[2], back[3]), (w, h)], fill=shade(wall, 0.94)
    )  # right wall
    c.d.polygon(
        [(0, 0), (w, 0), (back[2], back[1]), (back[0], back[1])], fill=shade(wall, 1.02)
    )  # ceiling
    c.d.rectangle(back, fill=wall)
    c.d.polygon([(0, h), (w, h), (back[2], back[3]), (back[0], back[3])], fill=floor)
    for i in range(1, 14):  # floorboards towards the vanishing point
        t = i / 14
        c.d.line(
            (w * t, h, back[0] + (back[2] - back[0]) * t, back[3]),
            fill=shade(floor, 0.86),
            width=2 * SS,
        )
    # a balcony window in the back wall, with daylight falling on the floor
    wx0, wx1 = back[0] + (back[2] - back[0]) * 0.18, back[0] + (back[2] - back[0]) * 0.82
    wy0, wy1 = back[1] + (back[3] - back[1]) * 0.08, back[3]
    c.d.rectangle((wx0, wy0, wx1, wy1), fill=(210, 226, 236))
    c.d.rectangle((wx0, wy0 + (wy1 - wy0) * 0.55, wx1, wy1), fill=(196, 206, 200))
    c.d.line(((wx0 + wx1) / 2, wy0, (wx0 + wx1) / 2, wy1), fill=(200, 200, 200), width=5 * SS)
    c.d.rectangle((wx0, wy0, wx1, wy1), outline=(190, 190, 186), width=6 * SS)
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
                    (x0, back[1] * (1 - t0) + 40 * SS),
                    (x1, back[1] * (1 - t1) + 40 * SS),
                    (x1, back[3] + (h - back[3]) * t1 - 20 * SS),
                    (x0, back[3] + (h - back[3]) * t0 - 20 * SS),
                ],
                fill=(226, 220, 206),
                outline=(190, 184, 170),
            )
    c.img = c.img.filter(ImageFilter.GaussianBlur(1.2))
    c.d = ImageDraw.Draw(c.img, "RGBA")


SCENES: dict[str, Callable[[Canvas], None]] = {
    "apartment": _scene_apartment,
    "condominium": _scene_condominium,
    "house": _scene_house,
    "land": _scene_land,
    "commercial": _scene_commercial,
    "interior": _scene_interior,
}


def draw_photo(kind: str, *, seed: int) -> bytes:
    """A property photo of the given kind as JPEG bytes (deterministic per kind and seed)."""
    canvas = Canvas(SIZE, random.Random(f"{kind}:{seed}"))
    SCENES[kind](canvas)
    return canvas.finish(grain=6, vignette=0, quality=82)
