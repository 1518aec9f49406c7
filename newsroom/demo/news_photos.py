"""Procedurally drawn stand-ins for news photographs: the demo articles' lead images.

Every picture is drawn from scratch with the demo's Pillow kit (:mod:`newsroom.demo.drawing`),
so the demo needs no downloads and carries no third-party rights. Drawing is deterministic
for a given scene name and seed.
"""

import itertools
import math
import random
from collections.abc import Callable, Sequence

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from newsroom.demo.drawing import (
    RGB,
    Canvas,
    Point,
    bezier,
    ellipse,
    jitter,
    mix,
    palette_noise,
    rgba,
    ridge,
    shade,
)

_CROWD_HEADS: tuple[RGB, ...] = (
    (30, 26, 26),
    (40, 32, 28),
    (224, 186, 150),
    (200, 160, 124),
    (24, 22, 24),
    (60, 56, 60),
    (120, 110, 106),
    (212, 172, 138),
)


def _crowd(
    c: Canvas,
    poly: Sequence[Point],
    clothes: Sequence[RGB],
    cell: float,
    *,
    dim: float = 1.0,
    heads: Sequence[RGB] = _CROWD_HEADS,
) -> None:
    """Fill ``poly`` with rows of seated spectators: a head pixel above two clothes pixels."""
    rng = c.rng
    cols, rows = max(1, int(c.w / cell)), max(1, int(c.h / (cell * 3)))
    hd = palette_noise(rng, cols, rows, heads)
    cl = palette_noise(rng, cols, rows * 2, [shade(x, dim) for x in clothes])
    pattern = Image.new("RGB", (cols, rows * 3))
    for r in range(rows):
        pattern.paste(hd.crop((0, r, cols, r + 1)), (0, 3 * r))
        pattern.paste(cl.crop((0, 2 * r, cols, 2 * r + 2)), (0, 3 * r + 1))
    if dim != 1.0:
        pattern = pattern.point(lambda v: round(v * dim))
    c.paste_pattern(pattern, poly)


# --------------------------------------------------------------------------- figures

_SKIN = ((238, 200, 168), (224, 180, 146), (205, 160, 125), (240, 206, 180), (190, 140, 105))
_HAIR = ((25, 22, 22), (45, 35, 30), (70, 50, 35), (120, 115, 110), (150, 110, 70))


def _suited_person(
    c: Canvas,
    cx: float,
    feet: float,
    height: float,
    *,
    suit: RGB,
    skin: RGB,
    hair: RGB,
    tie: RGB | None = None,
    female: bool = False,
    shirt: RGB = (240, 240, 236),
) -> None:
    """A standing figure in a suit, seen from the front."""
    d, hh = c.d, height
    top = feet - hh

    def X(f: float) -> float:
        return cx + f * hh

    def Y(f: float) -> float:
        return top + f * hh

    trouser = shade(suit, 0.82)
    dark = shade(suit, 0.62)
    # floor shadow
    d.ellipse((X(-0.2), Y(0.975), X(0.22), Y(1.025)), fill=(0, 0, 0, 70))
    if female:  # hair that falls behind the neck
        d.rounded_rectangle((X(-0.066), Y(0.03), X(0.066), Y(0.175)), radius=0.04 * hh, fill=hair)
    # legs and shoes
    d.rounded_rectangle((X(-0.092), Y(0.5), X(-0.006), Y(0.975)), radius=0.015 * hh, fill=trouser)
    d.rounded_rectangle((X(0.006), Y(0.5), X(0.092), Y(0.975)), radius=0.015 * hh, fill=trouser)
    d.line((X(0), Y(0.56), X(0), Y(0.97)), fill=rgba(dark, 160), width=max(1, int(hh * 0.006)))
    shoe = (28, 24, 24) if not female else shade(suit, 0.5)
    d.rounded_rectangle((X(-0.1), Y(0.955), X(-0.004), Y(1.0)), radius=0.015 * hh, fill=shoe)
    d.rounded_rectangle((X(0.004), Y(0.955), X(0.1), Y(1.0)), radius=0.015 * hh, fill=shoe)
    # neck
    d.rectangle((X(-0.026), Y(0.1), X(0.026), Y(0.19)), fill=shade(skin, 0.82))
    # jacket body
    jacket = [
        (X(-0.135), Y(0.205)),
        (X(-0.105), Y(0.168)),
        (X(0.105), Y(0.168)),
        (X(0.135), Y(0.205)),
        (X(0.122), Y(0.42)),
        (X(0.128), Y(0.56)),
        (X(-0.128), Y(0.56)),
        (X(-0.122), Y(0.42)),
    ]
    d.polygon(jacket, fill=suit)
    # shirt V, tie, lapels
    d.polygon([(X(-0.048), Y(0.168)), (X(0.048), Y(0.168)), (X(0), Y(0.345))], fill=shirt)
    if tie:
        d.polygon(
            [
                (X(-0.013), Y(0.172)),
                (X(0.013), Y(0.172)),
                (X(0.009), Y(0.195)),
                (X(-0.009), Y(0.195)),
            ],
            fill=shade(tie, 0.85),
        )
        d.polygon(
            [
                (X(-0.009), Y(0.195)),
                (X(0.009), Y(0.195)),
                (X(0.019), Y(0.32)),
                (X(-0.019), Y(0.32)),
            ],
            fill=tie,
        )
    elif female:
        d.ellipse((X(-0.03), Y(0.185), X(0.03), Y(0.2)), fill=(235, 230, 220, 120))
    for s in (-1, 1):
        d.polygon(
            [
                (X(s * 0.048), Y(0.168)),
                (X(s * 0.075), Y(0.2)),
                (X(s * 0.05), Y(0.24)),
                (X(0), Y(0.35)),
            ],
            fill=dark,
        )
    d.ellipse((X(-0.008), Y(0.385), X(0.008), Y(0.4)), fill=shade(suit, 0.45))
    # arms
    for s in (-1, 1):
        arm = [
            (X(s * 0.135), Y(0.205)),
            (X(s * 0.104), Y(0.24)),
            (X(s * 0.108), Y(0.51)),
            (X(s * 0.152), Y(0.51)),
            (X(s * 0.16), Y(0.25)),
        ]
        d.polygon(arm, fill=shade(suit, 0.9))
        d.line(arm[1:3], fill=rgba(dark, 200), width=max(1, int(hh * 0.005)))
        d.rectangle(
            (
                X(s * 0.108) if s > 0 else X(s * 0.152),
                Y(0.5),
                X(s * 0.152) if s > 0 else X(s * 0.108),
                Y(0.515),
            ),
            fill=shirt,
        )
        d.ellipse(
            (X(s * 0.13) - hh * 0.024, Y(0.51), X(s * 0.13) + hh * 0.024, Y(0.565)), fill=skin
        )
    # head
    d.ellipse((X(-0.058), Y(0.045), X(-0.04), Y(0.085)), fill=shade(skin, 0.9))
    d.ellipse((X(0.04), Y(0.045), X(0.058), Y(0.085)), fill=shade(skin, 0.9))
    d.ellipse((X(-0.048), Y(0.0), X(0.048), Y(0.125)), fill=skin)
    d.chord((X(0.0), Y(0.0), X(0.05), Y(0.125)), 280, 80, fill=(90, 50, 30, 28))
    if female:
        d.chord((X(-0.058), Y(-0.01), X(0.058), Y(0.09)), 180, 360, fill=hair)
        d.polygon(
            [(X(-0.058), Y(0.04)), (X(-0.03), Y(0.02)), (X(-0.05), Y(0.12)), (X(-0.066), Y(0.12))],
            fill=hair,
        )
        d.polygon(
            [(X(0.058), Y(0.04)), (X(0.03), Y(0.02)), (X(0.05), Y(0.12)), (X(0.066), Y(0.12))],
            fill=hair,
        )
        d.chord((X(-0.05), Y(0.0), X(0.05), Y(0.06)), 180, 360, fill=hair)
    else:
        d.chord((X(-0.052), Y(-0.012), X(0.052), Y(0.075)), 180, 360, fill=hair)
        d.rectangle((X(-0.05), Y(0.03), X(-0.042), Y(0.06)), fill=hair)
        d.rectangle((X(0.042), Y(0.03), X(0.05), Y(0.06)), fill=hair)
    # eyes, as a hint only
    for s in (-1, 1):
        d.ellipse(
            (X(s * 0.02) - hh * 0.005, Y(0.06), X(s * 0.02) + hh * 0.005, Y(0.068)),
            fill=(40, 30, 28, 170),
        )


def _limb(d: ImageDraw.ImageDraw, pts: Sequence[Point], width: float, fill: RGB) -> None:
    """A thick poly-line with rounded joints."""
    w = max(1, int(width))
    d.line(list(pts), fill=fill, width=w, joint="curve")
    r = w / 2
    for x, y in (pts[0], pts[-1]):
        d.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def _at(p: Point, length: float, angle_deg: float, facing: int) -> Point:
    """The point ``length`` away from ``p``; angle 0 is straight down, positive is forward."""
    a = math.radians(angle_deg)
    return (p[0] + facing * length * math.sin(a), p[1] + length * math.cos(a))


def _athlete(
    c: Canvas,
    hip: Point,
    height: float,
    facing: int,
    pose: dict[str, float],
    *,
    skin: RGB,
    hair: RGB,
    shirt: RGB,
    shorts: RGB,
    socks: RGB | None = None,
    shoes: RGB = (240, 240, 240),
    bib: bool = False,
    ponytail: bool = False,
    sleeves: bool = True,
) -> None:
    """A running figure in profile built from jointed limbs.

    ``pose`` angles (degrees; 0 = hanging straight down, positive = forward):
    lean, thigh_f, shin_f, thigh_b, shin_b, arm_f, fore_f, arm_b, fore_b.
    """
    d, h = c.d, height
    thigh, shin, upper, fore = 0.25 * h, 0.25 * h, 0.17 * h, 0.16 * h
    limb_w, leg_w = 0.045 * h, 0.06 * h
    lean = pose["lean"]
    neck = _at(hip, 0.3 * h, 180 - lean, facing)
    shoulder = _at(hip, 0.27 * h, 180 - lean, facing)
    head = _at(hip, 0.4 * h, 180 - lean * 0.8, facing)

    def leg(thigh_a: float, shin_a: float, near: bool) -> None:
        knee = _at(hip, thigh, thigh_a, facing)
        foot = _at(knee, shin, shin_a, facing)
        k = 1.0 if near else 0.78
        _limb(d, [hip, knee], leg_w, shade(skin, k))
        _limb(d, [knee, foot], leg_w * 0.8, shade(skin, k))
        if socks:
            mid = (knee[0] + (foot[0] - knee[0]) * 0.3, knee[1] + (foot[1] - knee[1]) * 0.3)
            _limb(d, [mid, foot], leg_w * 0.85, shade(socks, k))
        toe = _at(foot, 0.07 * h, shin_a + 90, facing)
        _limb(d, [foot, toe], 0.045 * h, shade(shoes, k))
        top = _at(hip, thigh * 0.45, thigh_a, facing)
        _limb(d, [hip, top], leg_w * 1.25, shade(shorts, k))

    def arm(a1: float, a2: float, near: bool) -> None:
        elbow = _at(shoulder, upper, a1, facing)
        hand = _at(elbow, fore, a2, facing)
        k = 1.0 if near else 0.78
        _limb(d, [shoulder, elbow, hand], limb_w, shade(skin, k))
        if sleeves:
            cuff = _at(shoulder, upper * 0.55, a1, facing)
            _limb(d, [shoulder, cuff], limb_w * 1.35, shade(shirt, k))

    arm(pose["arm_b"], pose["fore_b"], False)
    leg(pose["thigh_b"], pose["shin_b"], False)
    # torso
    ln = math.dist(hip, shoulder)
    u = ((shoulder[0] - hip[0]) / ln, (shoulder[1] - hip[1]) / ln)
    n = (-facing * u[1], facing * u[0])

    def tp(a: float, b: float) -> Point:
        return (hip[0] + u[0] * a * h + n[0] * b * h, hip[1] + u[1] * a * h + n[1] * b * h)

    d.polygon(
        [
            tp(-0.02, -0.07),
            tp(-0.02, 0.06),
            tp(0.12, 0.055),
            tp(0.22, 0.08),
            tp(0.29, 0.05),
            tp(0.3, -0.02),
            tp(0.27, -0.07),
            tp(0.12, -0.06),
        ],
        fill=shirt,
    )
    d.polygon([tp(-0.04, -0.075), tp(-0.04, 0.065), tp(0.07, 0.06), tp(0.07, -0.065)], fill=shorts)
    if bib:
        mx, my = _at(hip, 0.15 * h, 180 - lean, facing)
        d.rectangle(
            (mx - 0.045 * h, my - 0.04 * h, mx + 0.045 * h, my + 0.03 * h), fill=(245, 245, 240)
        )
        d.rectangle(
            (mx - 0.035 * h, my - 0.005 * h, mx + 0.035 * h, my + 0.012 * h), fill=(200, 40, 40)
        )
    _limb(d, [shoulder, neck], 0.05 * h, shade(skin, 0.9))
    r = 0.065 * h
    hx, hy = head
    if ponytail:
        _limb(
            d,
            [(hx - facing * r * 0.6, hy - r * 0.3), (hx - facing * r * 1.7, hy + r * 0.2)],
            r * 0.5,
            hair,
        )
    d.ellipse((hx - r, hy - r * 1.1, hx + r, hy + r), fill=skin)
    d.chord(
        (hx - r * 1.04, hy - r * 1.14, hx + r * 1.04, hy + r * 0.7),
        180 if facing > 0 else 200,
        340 if facing > 0 else 360,
        fill=hair,
    )
    d.polygon(
        [
            (hx - facing * r, hy - r * 0.5),
            (hx - facing * r * 0.2, hy - r * 0.4),
            (hx - facing * r * 0.7, hy + r * 0.4),
        ],
        fill=hair,
    )
    leg(pose["thigh_f"], pose["shin_f"], True)
    arm(pose["arm_f"], pose["fore_f"], True)


def _silhouette(
    c: Canvas,
    cx: float,
    feet: float,
    height: float,
    color: RGB,
    alpha: int = 255,
    stride: float = 0.0,
    legs: RGB | None = None,
    head: RGB | None = None,
) -> None:
    """A simple standing or walking person seen from the front or back."""
    d, h = c.d, height
    top = feet - h
    fill = rgba(color, alpha)
    leg_col = rgba(legs or shade(color, 0.8), alpha)
    s = stride * h
    for side in (-1, 1):
        x0 = cx + side * 0.055 * h
        x1 = x0 + side * s
        d.polygon(
            [
                (x0 - 0.05 * h, top + 0.5 * h),
                (x0 + 0.05 * h, top + 0.5 * h),
                (x1 + 0.035 * h, feet - 0.02 * h),
                (x1 - 0.035 * h, feet - 0.02 * h),
            ],
            fill=leg_col,
        )
        d.ellipse((x1 - 0.04 * h, feet - 0.035 * h, x1 + 0.045 * h, feet), fill=leg_col)
        d.line(
            [
                (cx + side * 0.12 * h, top + 0.21 * h),
                (cx + side * (0.14 * h + s * 0.3), top + 0.5 * h),
            ],
            fill=fill,
            width=max(1, int(0.06 * h)),
        )
    d.polygon(
        [
            (cx - 0.1 * h, top + 0.16 * h),
            (cx + 0.1 * h, top + 0.16 * h),
            (cx + 0.14 * h, top + 0.2 * h),
            (cx + 0.115 * h, top + 0.53 * h),
            (cx - 0.115 * h, top + 0.53 * h),
            (cx - 0.14 * h, top + 0.2 * h),
        ],
        fill=fill,
    )
    d.rectangle((cx - 0.025 * h, top + 0.1 * h, cx + 0.025 * h, top + 0.17 * h), fill=fill)
    d.ellipse(
        (cx - 0.058 * h, top, cx + 0.058 * h, top + 0.135 * h),
        fill=rgba(head, alpha) if head else fill,
    )


# --------------------------------------------------------------------------- scenes


def _flag_japan(w: int, h: int) -> Image.Image:
    img = Image.new("RGB", (w, h), (246, 246, 244))
    r = h * 0.3
    ImageDraw.Draw(img).ellipse((w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r), fill=(190, 0, 40))
    return img


def _star(cx: float, cy: float, r: float, points: int = 7, inner: float = 0.45) -> list[Point]:
    pts = []
    for i in range(points * 2):
        a = -math.pi / 2 + i * math.pi / points
        rr = r if i % 2 == 0 else r * inner
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def _flag_australia(w: int, h: int) -> Image.Image:
    blue, red, white = (1, 33, 105), (200, 16, 46), (250, 250, 250)
    img = Image.new("RGB", (w, h), blue)
    d = ImageDraw.Draw(img)
    cw, ch = w / 2, h / 2
    d.line((0, 0, cw, ch), fill=white, width=int(h * 0.1))
    d.line((0, ch, cw, 0), fill=white, width=int(h * 0.1))
    d.line((0, 0, cw, ch), fill=red, width=int(h * 0.035))
    d.line((0, ch, cw, 0), fill=red, width=int(h * 0.035))
    d.rectangle((cw / 2 - h * 0.08, 0, cw / 2 + h * 0.08, ch), fill=white)
    d.rectangle((0, ch / 2 - h * 0.08, cw, ch / 2 + h * 0.08), fill=white)
    d.rectangle((cw / 2 - h * 0.045, 0, cw / 2 + h * 0.045, ch), fill=red)
    d.rectangle((0, ch / 2 - h * 0.045, cw, ch / 2 + h * 0.045), fill=red)
    d.polygon(_star(cw / 2, h * 0.75, h * 0.15), fill=white)
    for fx, fy, fr in (
        (0.75, 0.2, 0.07),
        (0.62, 0.47, 0.07),
        (0.88, 0.4, 0.07),
        (0.8, 0.56, 0.04),
        (0.75, 0.82, 0.075),
    ):
        d.polygon(_star(w * fx, h * fy, h * fr), fill=white)
    return img


def _hang_flag(c: Canvas, design: Image.Image, x: float, y: float, w: float, h: float) -> None:
    """Hang a flag (landscape ``design``) as a vertical banner with soft folds."""
    w, h = int(w), int(h)
    banner = design.rotate(-90, expand=True).resize((w, h), Image.Resampling.BILINEAR)
    folds = Image.new("L", (w, 1))
    folds.putdata(
        [round(200 + 55 * (0.5 + 0.5 * math.sin(i / w * math.pi * 5.2 + 0.8))) for i in range(w)]
    )
    banner = ImageChops.multiply(banner, Image.merge("RGB", [folds.resize((w, h))] * 3))
    mask = Image.new("L", (w, h), 0)
    md = ImageDraw.Draw(mask)
    hem = [
        (i * w / 20, h - 0.03 * h * (0.5 + 0.5 * math.sin(i / 20 * math.pi * 5.2 + 0.8)))
        for i in range(21)
    ]
    md.polygon([(0, 0), (w, 0), *reversed(hem)], fill=255)
    c.img.paste(banner, (int(x), int(y)), mask)


def _scene_meeting(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    wall = jitter(rng, (214, 196, 160), 8)
    c.gradient(
        [(0, shade(wall, 0.78)), (0.5, wall), (0.84, shade(wall, 0.86)), (1, shade(wall, 0.7))]
    )
    # panelled wall
    d.rectangle((0, 0, W, H * 0.07), fill=rgba(shade(wall, 0.7), 255))
    d.rectangle((0, H * 0.07, W, H * 0.085), fill=(196, 164, 92))
    n = 7
    for i in range(n):
        x0 = W * (i + 0.12) / n
        x1 = W * (i + 0.88) / n
        d.rectangle(
            (x0, H * 0.13, x1, H * 0.64),
            outline=rgba(shade(wall, 1.12), 255),
            width=int(H * 0.006),
        )
        d.rectangle(
            (x0 + H * 0.006, H * 0.136, x1 + H * 0.006, H * 0.646),
            outline=rgba(shade(wall, 0.8), 160),
            width=int(H * 0.004),
        )
        d.rectangle(
            (x0, H * 0.69, x1, H * 0.82),
            outline=rgba(shade(wall, 0.82), 200),
            width=int(H * 0.005),
        )
    d.rectangle((0, H * 0.665, W, H * 0.675), fill=rgba(shade(wall, 0.75), 255))
    # lights on the wall
    for fx in (0.2, 0.5, 0.8):
        c.glow(W * fx, H * 0.1, W * 0.22, H * 0.35, (255, 236, 200), alpha=0.55, power=1.6)
    # carpet
    carpet = jitter(rng, (120, 28, 34), 10)
    c.gradient([(0, shade(carpet, 0.8)), (1, carpet)], (0, H * 0.84, W, H))
    d.rectangle((0, H * 0.84, W, H * 0.85), fill=rgba((60, 40, 30), 120))
    # flags on poles
    designs = (_flag_australia(300, 200), _flag_japan(300, 200))
    xs = [0.085, 0.215, 0.345, 0.655, 0.785, 0.915]
    for i, fx in enumerate(xs):
        px = W * fx
        d.rectangle((px - H * 0.004, H * 0.1, px + H * 0.004, H * 0.86), fill=(150, 120, 60))
        d.ellipse((px - H * 0.012, H * 0.085, px + H * 0.012, H * 0.11), fill=(212, 178, 90))
        d.rectangle((px - H * 0.05, H * 0.115, px + H * 0.05, H * 0.122), fill=(170, 140, 70))
        _hang_flag(c, designs[i % 2], px - H * 0.048, H * 0.12, H * 0.096, H * 0.36)
        d.ellipse((px - H * 0.04, H * 0.85, px + H * 0.04, H * 0.87), fill=(60, 50, 40))
    # a table arrangement in the middle background
    d.rectangle((W * 0.42, H * 0.6, W * 0.58, H * 0.62), fill=rgba((90, 60, 40), 255))
    c.glow(W * 0.5, H * 0.57, W * 0.05, H * 0.05, (240, 240, 230), 0.9)
    c.blur(5)
    d = c.d
    # the four ministers, left to right
    hgt = H * 0.64
    feet = H * 0.955
    people = [
        {"suit": (38, 42, 58), "skin": _SKIN[3], "hair": _HAIR[4], "tie": (30, 70, 150)},
        {"suit": (44, 50, 74), "skin": _SKIN[0], "hair": _HAIR[2], "female": True},
        {"suit": (70, 72, 80), "skin": _SKIN[1], "hair": _HAIR[0], "female": True},
        {"suit": (30, 32, 36), "skin": _SKIN[2], "hair": _HAIR[1], "tie": (150, 30, 40)},
    ]
    for i, kw in enumerate(people):
        fx = 0.29 + i * 0.14 + rng.uniform(-0.008, 0.008)
        scale = (0.93 if kw.get("female") else 1.0) * rng.uniform(0.98, 1.02)
        _suited_person(c, W * fx, feet, hgt * scale, **kw)


def _scene_parliament(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    mood = rng.choice(("clear", "overcast", "evening"))
    if mood == "clear":
        sky_stops = [(0, jitter(rng, (84, 136, 198), 10)), (0.7, (196, 218, 236))]
        cloud, n_clouds = (250, 250, 252), 4
        stone, shadow = (226, 218, 202), (170, 163, 150)
    elif mood == "overcast":
        sky_stops = [(0, (138, 150, 166)), (0.7, (214, 218, 224))]
        cloud, n_clouds = (236, 238, 242), 12
        stone, shadow = (212, 208, 200), (160, 156, 150)
    else:
        sky_stops = [(0, (64, 76, 140)), (0.45, (196, 140, 150)), (0.7, (246, 184, 130))]
        cloud, n_clouds = (250, 206, 190), 3
        stone, shadow = (236, 206, 170), (168, 136, 118)
    c.gradient(sky_stops)
    for _ in range(n_clouds):
        c.clouds(
            W * rng.uniform(0.05, 0.95),
            H * rng.uniform(0.06, 0.3),
            H * rng.uniform(0.04, 0.08),
            cloud,
            150,
        )
    g = H * 0.72
    # wings and pavilions
    d.rectangle((W * 0.08, H * 0.5, W * 0.92, g), fill=stone)
    for x0, x1 in ((0.06, 0.2), (0.8, 0.94)):
        d.rectangle((W * x0, H * 0.46, W * x1, g), fill=stone)
        d.rectangle((W * x0, H * 0.46, W * x1, H * 0.475), fill=shadow)
    d.rectangle((W * 0.08, H * 0.5, W * 0.92, H * 0.512), fill=shadow)
    for row in range(3):
        y0 = H * (0.535 + row * 0.058)
        k = 0
        x = W * 0.075
        while x < W * 0.92:
            if not (W * 0.36 < x < W * 0.62):
                d.rectangle((x, y0, x + W * 0.012, y0 + H * 0.035), fill=(92, 98, 110))
            x += W * 0.026
            k += 1
    # central block with portico
    d.rectangle((W * 0.36, H * 0.42, W * 0.64, g), fill=stone)
    d.rectangle((W * 0.36, H * 0.42, W * 0.64, H * 0.435), fill=shadow)
    d.polygon(
        [(W * 0.41, H * 0.5), (W * 0.5, H * 0.455), (W * 0.59, H * 0.5)], fill=shade(stone, 1.03)
    )
    d.line(
        [(W * 0.41, H * 0.5), (W * 0.5, H * 0.455), (W * 0.59, H * 0.5)],
        fill=shadow,
        width=int(H * 0.004),
    )
    d.rectangle((W * 0.41, H * 0.5, W * 0.59, g), fill=(118, 112, 104))
    for i in range(9):
        x = W * (0.415 + i * 0.0205)
        d.rectangle((x, H * 0.505, x + W * 0.009, g), fill=stone)
    d.rectangle((W * 0.4, g - H * 0.02, W * 0.6, g), fill=shade(stone, 0.92))
    # tower and stepped roof
    d.rectangle((W * 0.445, H * 0.27, W * 0.555, H * 0.43), fill=stone)
    d.rectangle((W * 0.53, H * 0.27, W * 0.555, H * 0.43), fill=shade(stone, 0.86))
    for i in range(4):
        x = W * (0.455 + i * 0.024)
        d.rectangle((x, H * 0.3, x + W * 0.01, H * 0.41), fill=(120, 118, 116))
    d.rectangle((W * 0.44, H * 0.265, W * 0.56, H * 0.28), fill=shadow)
    steps = 8
    for i in range(steps):
        t = i / steps
        half = W * (0.062 - 0.052 * t)
        y1 = H * (0.265 - 0.018 * i)
        d.rectangle(
            (W * 0.5 - half, y1 - H * 0.018, W * 0.5 + half, y1),
            fill=shade(stone, 0.95 - 0.02 * (i % 2)),
        )
        d.line((W * 0.5 - half, y1, W * 0.5 + half, y1), fill=shadow, width=int(H * 0.003))
    d.rectangle((W * 0.495, H * 0.1, W * 0.505, H * 0.125), fill=shade(stone, 0.8))
    # soft shadow at the foot of the building
    d.rectangle((W * 0.05, g - H * 0.012, W * 0.95, g), fill=(0, 0, 0, 40))
    # lawn and path
    lawn = 1.0 if mood == "clear" else 0.85
    c.gradient([(0, shade((96, 150, 70), lawn)), (1, shade((60, 112, 48), lawn))], (0, g, W, H))
    d.polygon([(W * 0.47, g), (W * 0.53, g), (W * 0.68, H), (W * 0.32, H)], fill=(208, 196, 170))
    for i in range(8):
        y = g + (H - g) * (i / 8) ** 1.6
        d.line((0, y, W, y), fill=(255, 255, 255, 14), width=int(H * 0.01))
    # hedges and trees
    for x in range(0, int(W), int(W * 0.03)):
        if abs(x - W / 2) > W * 0.07:
            r = H * rng.uniform(0.018, 0.026)
            d.ellipse(
                (x - r * 1.6, g - r, x + r * 1.6, g + r * 0.8), fill=jitter(rng, (46, 88, 40), 8)
            )
    for side in (-1, 1):
        for _ in range(9):
            x = W * (0.5 + side * rng.uniform(0.36, 0.55))
            y = H * rng.uniform(0.48, 0.68)
            r = H * rng.uniform(0.06, 0.11)
            col = jitter(rng, (40, 84, 40), 12)
            d.ellipse((x - r, y - r, x + r, y + r), fill=col)
            d.ellipse(
                (x - r * 0.6, y - r * 0.9, x + r * 0.3, y - r * 0.1),
                fill=rgba(shade(col, 1.3), 120),
            )
        d.rectangle(
            (
                W * (0.5 + side * 0.44) - H * 0.01,
                H * 0.65,
                W * (0.5 + side * 0.44) + H * 0.01,
                g + H * 0.03,
            ),
            fill=(60, 45, 35),
        )


def _scene_skyline(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    horizon = H * 0.76
    skies = (
        # sunset: orange horizon under a violet sky
        (
            [
                (0, (22, 26, 64)),
                (0.35, (78, 58, 118)),
                (0.6, (214, 120, 104)),
                (0.76, (250, 186, 118)),
            ],
            (255, 210, 150),
            (150, 110, 140),
            (78, 62, 100),
        ),
        # blue hour: cool sky with a pale band on the horizon
        (
            [
                (0, (10, 18, 48)),
                (0.4, (30, 58, 110)),
                (0.65, (84, 116, 168)),
                (0.76, (196, 180, 196)),
            ],
            (210, 210, 240),
            (96, 110, 150),
            (48, 58, 96),
        ),
        # pink afterglow
        (
            [
                (0, (36, 30, 78)),
                (0.35, (120, 70, 130)),
                (0.6, (236, 136, 150)),
                (0.76, (255, 196, 170)),
            ],
            (255, 190, 170),
            (160, 110, 150),
            (86, 60, 104),
        ),
    )
    stops, glow_col, far_col, mid_col = skies[rng.randrange(len(skies))]
    c.gradient([*stops, (1, stops[-1][1])])
    for _ in range(40):
        x, y = rng.uniform(0, W), rng.uniform(0, H * 0.25)
        d.ellipse((x - 2, y - 2, x + 2, y + 2), fill=(255, 255, 240, rng.randint(60, 180)))
    c.glow(W * rng.uniform(0.3, 0.7), horizon, W * 0.4, H * 0.25, glow_col, 0.8)
    layers = [
        (far_col, 0.1, 0.34, 0.03, 0.06),
        (mid_col, 0.12, 0.42, 0.04, 0.08),
        ((26, 24, 42), 0.06, 0.3, 0.05, 0.1),
    ]
    tower_x = W * rng.uniform(0.6, 0.75)
    for li, (col, hmin, hmax, wmin, wmax) in enumerate(layers):
        x = -W * rng.uniform(0, 0.05)
        while x < W:
            bw = W * rng.uniform(wmin, wmax)
            top = horizon - H * rng.uniform(hmin, hmax)
            if li == 2 and abs(x + bw / 2 - tower_x) < W * 0.06:
                top = max(top, horizon - H * 0.12)
            d.rectangle((x, top, x + bw, horizon), fill=col)
            if li < 2 and rng.random() < 0.25:
                d.rectangle((x + bw * 0.2, top - H * 0.02, x + bw * 0.8, top), fill=col)
            if li >= 1 and rng.random() < 0.35:
                d.rectangle((x + bw * 0.45, top - H * 0.04, x + bw * 0.5, top), fill=col)
                c.glow(x + bw * 0.475, top - H * 0.04, 8, 8, (255, 60, 50))
            if li >= 1:
                ww, wh = W * 0.005, H * 0.008
                cols = max(1, int(bw * 0.84 / (ww * 2.2)))
                yy = top + H * 0.015
                p_lit = rng.uniform(0.2, 0.45) if li == 1 else rng.uniform(0.35, 0.7)
                while yy < horizon - wh:
                    for k in range(cols):
                        if rng.random() < p_lit:
                            wx = x + bw * 0.08 + k * ww * 2.2
                            warm = jitter(rng, (255, 214, 140), 20)
                            d.rectangle(
                                (wx, yy, wx + ww, yy + wh),
                                fill=rgba(warm, 130 if li == 1 else 220),
                            )
                    yy += wh * 2
            x += bw + W * rng.uniform(0.0, 0.012)
        if li == 1:
            # a lattice broadcasting tower
            tx, tb, tt = tower_x, horizon, horizon - H * 0.52
            d.polygon(
                [
                    (tx - W * 0.05, tb),
                    (tx - W * 0.004, tt),
                    (tx + W * 0.004, tt),
                    (tx + W * 0.05, tb),
                ],
                fill=(214, 84, 44),
            )
            for i in range(14):
                t0, t1 = i / 14, (i + 1) / 14
                y0, y1 = tb - (tb - tt) * t0, tb - (tb - tt) * t1
                h0, h1 = W * (0.05 - 0.046 * t0), W * (0.05 - 0.046 * t1)
                d.line((tx - h0, y0, tx + h1, y1), fill=(150, 54, 32), width=3)
                d.line((tx + h0, y0, tx - h1, y1), fill=(150, 54, 32), width=3)
                d.line((tx - h1, y1, tx + h1, y1), fill=(150, 54, 32), width=2)
            for t in (0.35, 0.6):
                y = tb - (tb - tt) * t
                half = W * (0.05 - 0.046 * t)
                d.rectangle(
                    (tx - half * 1.3, y - H * 0.014, tx + half * 1.3, y), fill=(240, 236, 226)
                )
                c.glow(tx, y - H * 0.007, half * 1.6, H * 0.03, (255, 230, 200), 0.35)
            d.line((tx, tt, tx, tt - H * 0.06), fill=(220, 220, 220), width=4)
            c.glow(tx, tt - H * 0.06, H * 0.02, H * 0.02, (255, 80, 60))
    # water with a soft, darkened reflection
    depth = int(H - horizon)
    above = c.img.crop((0, int(horizon) - depth, int(W), int(horizon)))
    refl = (
        above.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        .reduce(4)
        .filter(ImageFilter.GaussianBlur(2.5))
    )
    refl = Image.blend(
        refl.resize(above.size, Image.Resampling.BILINEAR),
        Image.new("RGB", above.size, (20, 24, 50)),
        0.5,
    )
    c.img.paste(refl, (0, int(horizon)))
    d = c.d = ImageDraw.Draw(c.img, "RGBA")
    for _ in range(220):
        y = rng.uniform(horizon, H)
        x = rng.uniform(0, W)
        ln = W * rng.uniform(0.02, 0.12)
        d.line((x, y, x + ln, y), fill=(20, 24, 50, 110), width=3)
        if rng.random() < 0.3:
            d.line((x, y + 4, x + ln * 0.4, y + 4), fill=(255, 210, 150, 50), width=2)
    d.rectangle((0, horizon - 3, W, horizon + 3), fill=(20, 20, 34))


def _scene_rail(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, jitter(rng, (70, 130, 205), 10)), (0.55, (200, 224, 240))])
    for _ in range(3):
        c.clouds(W * rng.uniform(0, 1), H * rng.uniform(0.08, 0.22), H * 0.05, (255, 255, 255), 140)
    far = ridge(rng, -W * 0.05, W * 1.05, H * 0.3, H * 0.08)
    d.polygon([*far, (W * 1.05, H), (-W * 0.05, H)], fill=(130, 158, 190))
    snow_line = min(y for _, y in far) + H * 0.035
    for a, b in itertools.pairwise(far):
        if a[1] < snow_line and b[1] < snow_line:
            d.polygon([a, b, (b[0], snow_line), (a[0], snow_line)], fill=(226, 232, 242))
    near = ridge(rng, -W * 0.05, W * 1.05, H * 0.44, H * 0.06)
    d.polygon([*near, (W * 1.05, H), (-W * 0.05, H)], fill=(78, 118, 82))
    c.gradient([(0, (120, 160, 84)), (1, (84, 130, 60))], (0, H * 0.66, W, H))
    for i in range(12):
        y = H * 0.66 + (H * 0.34) * (i / 12) ** 1.3
        d.line((0, y, W, y), fill=(60, 100, 40, 60), width=int(H * 0.004))
    for _ in range(10):
        x, y = rng.uniform(0, W), H * rng.uniform(0.62, 0.7)
        s = H * rng.uniform(0.015, 0.025)
        d.rectangle((x, y, x + s * 2, y + s), fill=(236, 232, 222))
        d.polygon(
            [(x - s * 0.3, y), (x + s, y - s * 0.7), (x + s * 2.3, y)],
            fill=jitter(rng, (80, 70, 80), 20),
        )
    # viaduct
    deck_top, deck_bot = H * 0.575, H * 0.64
    for i in range(10):
        x = W * (-0.02 + i * 0.12)
        d.rectangle((x, deck_bot, x + W * 0.03, H * 0.84), fill=(176, 174, 168))
        d.rectangle((x + W * 0.02, deck_bot, x + W * 0.03, H * 0.84), fill=(140, 138, 132))
        d.polygon(
            [
                (x - W * 0.01, deck_bot),
                (x + W * 0.04, deck_bot),
                (x + W * 0.03, deck_bot + H * 0.03),
                (x, deck_bot + H * 0.03),
            ],
            fill=(150, 148, 142),
        )
    d.rectangle((0, deck_top, W, deck_bot), fill=(196, 194, 188))
    d.rectangle((0, deck_bot - H * 0.012, W, deck_bot), fill=(150, 148, 142))
    # train (nose to the left)
    top, bot = H * 0.445, H * 0.56
    tip_x, nose_end = W * 0.07, W * 0.3
    body = [
        (W * 1.05, top),
        (nose_end, top),
        *bezier((nose_end, top), (W * 0.16, top + H * 0.005), (tip_x, bot - H * 0.025), 20)[1:],
        (tip_x, bot - H * 0.01),
        (tip_x + W * 0.02, bot),
        (W * 1.05, bot),
    ]
    d.polygon(body, fill=(244, 245, 247))
    d.polygon(
        [(x, y) for x, y in body if y > top + (bot - top) * 0.6] + [(W * 1.05, bot)],
        fill=(226, 228, 232),
    )
    d.rectangle((nose_end * 0.85, bot - H * 0.03, W * 1.05, bot - H * 0.018), fill=(20, 110, 96))
    d.line(
        (tip_x + W * 0.01, bot - H * 0.03, nose_end * 0.85, bot - H * 0.03),
        fill=(20, 110, 96),
        width=int(H * 0.012),
    )
    d.polygon(
        [
            (W * 0.175, top + H * 0.012),
            (W * 0.255, top + H * 0.004),
            (W * 0.262, top + H * 0.03),
            (W * 0.19, top + H * 0.04),
        ],
        fill=(30, 40, 56),
    )
    x = W * 0.33
    while x < W:
        d.rounded_rectangle(
            (x, top + H * 0.03, x + W * 0.014, top + H * 0.055), radius=4, fill=(40, 52, 70)
        )
        x += W * 0.022
    for jx in (0.5, 0.76, 1.02):
        d.line((W * jx, top, W * jx, bot), fill=(160, 164, 170), width=4)
    for px in (0.62, 0.9):
        d.line(
            [(W * px, top), (W * (px + 0.015), top - H * 0.03), (W * (px + 0.03), top - H * 0.03)],
            fill=(60, 60, 64),
            width=5,
        )
    d.line((0, top - H * 0.045, W, top - H * 0.045), fill=(60, 60, 60, 160), width=3)
    for i in range(9):
        x = W * (0.04 + i * 0.12)
        d.rectangle((x, top - H * 0.075, x + H * 0.006, deck_top), fill=(120, 122, 124))
        d.line((x, top - H * 0.06, x + W * 0.03, top - H * 0.06), fill=(120, 122, 124), width=4)
    # noise barrier in front of the wheels
    d.rectangle((0, H * 0.545, W, deck_top), fill=(210, 208, 202))
    d.line((0, H * 0.545, W, H * 0.545), fill=(160, 158, 152), width=4)
    for _ in range(40):
        x, y = rng.uniform(0, W), rng.uniform(top, bot)
        d.line((x, y, x + W * rng.uniform(0.03, 0.12), y), fill=(255, 255, 255, 40), width=2)


def _scene_harbour(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    horizon = H * 0.5
    c.gradient([(0, (120, 168, 210)), (0.4, (214, 224, 232)), (0.5, (246, 222, 196))])
    sun_x = W * rng.uniform(0.65, 0.85)
    c.glow(sun_x, H * 0.28, H * 0.35, H * 0.35, (255, 240, 210), 0.9)
    c.glow(sun_x, H * 0.28, H * 0.05, H * 0.05, (255, 255, 245))
    for _ in range(3):
        c.clouds(
            W * rng.uniform(0, 0.6), H * rng.uniform(0.08, 0.25), H * 0.04, (255, 250, 245), 120
        )
    hills = ridge(rng, -W * 0.05, W * 0.7, horizon - H * 0.08, H * 0.04)
    d.polygon(
        [*hills, (W * 0.7, horizon), (W * 0.78, horizon + 2), (-W * 0.05, horizon)],
        fill=(108, 140, 132),
    )
    hills2 = ridge(rng, W * 0.55, W * 1.05, horizon - H * 0.05, H * 0.02)
    d.polygon([*hills2, (W * 1.05, horizon), (W * 0.55, horizon)], fill=(140, 166, 164))
    c.gradient([(0, (92, 140, 168)), (1, (36, 78, 112))], (0, horizon, W, H))
    for _ in range(500):
        y = rng.uniform(horizon, H)
        t = (y - horizon) / (H - horizon)
        x = rng.uniform(0, W)
        near_sun = abs(x - sun_x) < W * 0.08
        ln = W * rng.uniform(0.01, 0.04) * (0.5 + t)
        a = rng.randint(30, 90) + (90 if near_sun else 0)
        d.line((x, y, x + ln, y), fill=(255, 250, 235, min(255, a)), width=max(2, int(3 * t + 1)))
    # pier from the right
    pier = [(W * 0.6, H * 0.6), (W * 1.02, H * 0.56), (W * 1.02, H * 0.7), (W * 0.6, H * 0.66)]
    d.polygon(pier, fill=(196, 192, 184))
    d.polygon(
        [(W * 0.6, H * 0.6), (W * 1.02, H * 0.56), (W * 1.02, H * 0.585), (W * 0.6, H * 0.615)],
        fill=(222, 218, 210),
    )
    d.polygon(
        [(W * 0.6, H * 0.66), (W * 1.02, H * 0.7), (W * 1.02, H * 0.72), (W * 0.6, H * 0.675)],
        fill=(40, 70, 90, 160),
    )
    d.rectangle((W * 0.84, H * 0.46, W * 0.98, H * 0.575), fill=(238, 236, 228))
    d.polygon(
        [(W * 0.83, H * 0.46), (W * 0.91, H * 0.43), (W * 0.99, H * 0.46)], fill=(52, 96, 150)
    )
    for i in range(4):
        d.rectangle(
            (W * (0.85 + i * 0.033), H * 0.49, W * (0.87 + i * 0.033), H * 0.52),
            fill=(90, 110, 130),
        )
    for i in range(9):
        x = W * (0.63 + i * 0.022)
        _silhouette(
            c,
            x,
            H * (0.605 - i * 0.0035),
            H * rng.uniform(0.045, 0.055),
            jitter(rng, (60, 60, 70), 30),
        )
    # fishing boats
    for i in range(3):
        bx, by = W * (0.56 + i * 0.11), H * (0.72 + 0.03 * i)
        s = H * 0.06
        d.polygon(
            [
                (bx - s * 1.8, by - s * 0.5),
                (bx + s * 1.6, by - s * 0.5),
                (bx + s * 1.2, by),
                (bx - s * 1.4, by),
            ],
            fill=(236, 238, 240),
        )
        d.rectangle(
            (bx - s * 1.7, by - s * 0.25, bx + s * 1.45, by - s * 0.12),
            fill=jitter(rng, (40, 90, 150), 30),
        )
        d.rectangle((bx + s * 0.2, by - s * 1.0, bx + s * 0.9, by - s * 0.5), fill=(245, 245, 245))
        d.rectangle((bx + s * 0.3, by - s * 0.9, bx + s * 0.8, by - s * 0.75), fill=(60, 80, 100))
        d.line((bx - s * 0.4, by - s * 0.5, bx - s * 0.4, by - s * 2.4), fill=(90, 90, 90), width=4)
        d.line((bx - s * 0.4, by - s * 2.4, bx + s * 0.5, by - s * 1.0), fill=(90, 90, 90), width=2)
        d.ellipse((bx - s * 1.6, by - s * 0.1, bx + s * 1.4, by + s * 0.25), fill=(20, 50, 80, 90))
    # the ferry, bow to the left
    fx, fy, s = W * 0.3, H * 0.6, W * 0.12
    d.polygon(
        [
            (fx - s * 1.5, fy - s * 0.2),
            (fx + s * 1.3, fy - s * 0.22),
            (fx + s * 1.25, fy + s * 0.05),
            (fx - s * 1.2, fy + s * 0.05),
        ],
        fill=(246, 246, 246),
    )
    d.polygon(
        [
            (fx - s * 1.3, fy - s * 0.02),
            (fx + s * 1.26, fy - s * 0.02),
            (fx + s * 1.25, fy + s * 0.05),
            (fx - s * 1.2, fy + s * 0.05),
        ],
        fill=(28, 60, 120),
    )
    d.rectangle((fx - s * 0.8, fy - s * 0.42, fx + s * 1.1, fy - s * 0.2), fill=(250, 250, 250))
    d.rectangle((fx - s * 0.75, fy - s * 0.35, fx + s * 1.05, fy - s * 0.28), fill=(50, 70, 92))
    d.rectangle((fx - s * 0.4, fy - s * 0.58, fx + s * 0.7, fy - s * 0.42), fill=(250, 250, 250))
    d.rectangle((fx - s * 0.35, fy - s * 0.53, fx + s * 0.1, fy - s * 0.47), fill=(50, 70, 92))
    d.polygon(
        [
            (fx + s * 0.35, fy - s * 0.58),
            (fx + s * 0.62, fy - s * 0.58),
            (fx + s * 0.6, fy - s * 0.78),
            (fx + s * 0.4, fy - s * 0.78),
        ],
        fill=(40, 90, 160),
    )
    d.rectangle((fx + s * 0.38, fy - s * 0.72, fx + s * 0.61, fy - s * 0.68), fill=(250, 250, 250))
    d.line((fx - s * 0.3, fy - s * 0.58, fx - s * 0.3, fy - s * 0.85), fill=(70, 70, 70), width=4)
    d.line((fx - s * 1.5, fy - s * 0.2, fx - s * 0.8, fy - s * 0.42), fill=(200, 200, 200), width=3)
    for k in range(3):
        d.polygon(
            [
                (fx + s * 1.25, fy + s * 0.0),
                (W * (0.56 - k * 0.02), fy + s * (0.08 + k * 0.05)),
                (W * (0.56 - k * 0.02), fy + s * (0.1 + k * 0.05)),
                (fx + s * 1.2, fy + s * 0.05),
            ],
            fill=(255, 255, 255, 60),
        )
    d.polygon(
        [
            (fx - s * 1.5, fy - s * 0.05),
            (fx - s * 1.0, fy + s * 0.03),
            (fx - s * 0.4, fy + s * 0.09),
            (fx - s * 1.1, fy + s * 0.09),
        ],
        fill=(255, 255, 255, 110),
    )
    for _ in range(5):
        gx, gy, gs = (
            rng.uniform(W * 0.1, W * 0.7),
            H * rng.uniform(0.1, 0.35),
            H * rng.uniform(0.01, 0.02),
        )
        d.line(
            [(gx - gs, gy - gs * 0.4), (gx, gy), (gx + gs, gy - gs * 0.4)],
            fill=(70, 70, 80),
            width=3,
            joint="curve",
        )


def _scene_market(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, (18, 20, 30)), (0.65, (28, 30, 42)), (1, (10, 10, 16))])
    bx0, by0, bx1, by1 = W * 0.04, H * 0.07, W * 0.96, H * 0.62
    d.rectangle((bx0 - 10, by0 - 10, bx1 + 10, by1 + 10), fill=(50, 52, 60))
    d.rectangle((bx0, by0, bx1, by1), fill=(6, 8, 14))
    cols, rows = 4, 3
    pw, ph = (bx1 - bx0) / cols, (by1 - by0) / rows
    for r in range(rows):
        for k in range(cols):
            x0, y0 = bx0 + k * pw + 8, by0 + r * ph + 8
            x1, y1 = x0 + pw - 16, y0 + ph - 16
            d.rectangle((x0, y0, x1, y1), fill=(12, 16, 30))
            n = 40
            v, vals = 0.0, []
            for _ in range(n):
                v += rng.gauss(0, 1)
                vals.append(v)
            lo, hi = min(vals), max(vals)
            up = vals[-1] >= vals[0]
            col = (60, 230, 120) if up else (255, 70, 70)
            pts = [
                (
                    x0 + (x1 - x0) * (0.05 + 0.9 * i / (n - 1)),
                    y0 + (y1 - y0) * (0.3 + 0.5 * (1 - (val - lo) / (hi - lo + 1e-6))),
                )
                for i, val in enumerate(vals)
            ]
            d.polygon(
                [*pts, (pts[-1][0], y1 - (y1 - y0) * 0.15), (pts[0][0], y1 - (y1 - y0) * 0.15)],
                fill=rgba(col, 40),
            )
            d.line(pts, fill=rgba(col, 90), width=12, joint="curve")
            d.line(pts, fill=col, width=4, joint="curve")
            for i in range(24):
                bh = (y1 - y0) * 0.12 * rng.uniform(0.2, 1)
                bx = x0 + (x1 - x0) * (0.05 + 0.9 * i / 24)
                d.rectangle(
                    (bx, y1 - 8 - bh, bx + (x1 - x0) * 0.025, y1 - 8), fill=(90, 120, 200, 160)
                )
            # abstract LED price blocks (no text)
            for i in range(rng.randint(4, 6)):
                lx = x0 + 14 + i * (x1 - x0) * 0.07
                d.rectangle(
                    (lx, y0 + 14, lx + (x1 - x0) * 0.05, y0 + 14 + (y1 - y0) * 0.12),
                    fill=rgba((255, 200, 80) if i < 3 else col, 220),
                )
    for gx in range(12):
        c.glow(
            bx0 + (bx1 - bx0) * (gx + 0.5) / 12,
            (by0 + by1) / 2,
            pw * 0.6,
            ph * 1.2,
            (60, 90, 160),
            0.12,
        )
    # floor reflection
    fy = H * 0.7
    refl = c.img.crop((0, int(by0), int(W), int(by1))).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    refl = refl.resize((int(W), int(H - fy)), Image.Resampling.BILINEAR).filter(
        ImageFilter.BoxBlur(10)
    )
    refl = Image.blend(refl, Image.new("RGB", refl.size, (12, 12, 18)), 0.6)
    c.img.paste(refl, (0, int(fy)))
    d = c.d = ImageDraw.Draw(c.img, "RGBA")
    d.rectangle((0, by1 + 10, W, fy), fill=(24, 24, 32))
    # a man walking past with a briefcase
    mx, feet, hgt = W * 0.64, H * 0.96, H * 0.68
    col = (8, 8, 12)
    _silhouette(c, mx, feet, hgt, col, stride=0.1)
    d.rectangle(
        (mx + hgt * 0.125, feet - hgt * 0.51, mx + hgt * 0.165, feet - hgt * 0.46), fill=col
    )
    d.rounded_rectangle(
        (mx + hgt * 0.06, feet - hgt * 0.47, mx + hgt * 0.25, feet - hgt * 0.33),
        radius=hgt * 0.01,
        fill=col,
    )
    d.arc(
        (mx - hgt * 0.058, feet - hgt, mx + hgt * 0.058, feet - hgt * 0.865),
        200,
        340,
        fill=(90, 200, 170, 110),
        width=5,
    )
    d.line(
        (mx - hgt * 0.14, feet - hgt * 0.8, mx - hgt * 0.1, feet - hgt * 0.84),
        fill=(90, 200, 170, 90),
        width=5,
    )
    d.ellipse(
        (mx - hgt * 0.3, feet - hgt * 0.02, mx + hgt * 0.35, feet + hgt * 0.03), fill=(0, 0, 0, 120)
    )


def _scene_stadium(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, (8, 12, 30)), (0.3, (24, 34, 70))])
    home = (W * 0.5, H * 0.94)
    rx, ry = W * 0.78, H * 0.56
    arc = ellipse(home[0], home[1], rx, ry, 0, 60, math.radians(200), math.radians(340))
    # stands (a crowd pattern behind the outfield)
    stands_top = ellipse(
        home[0], home[1] + H * 0.02, W * 0.95, H * 0.8, 0, 60, math.radians(195), math.radians(345)
    )
    clothes = [
        (190, 40, 44),
        (228, 228, 228),
        (36, 56, 130),
        (30, 30, 36),
        (240, 196, 40),
        (150, 150, 160),
        (200, 60, 60),
    ]
    _crowd(c, [*stands_top, *reversed(arc)], clothes, H * 0.007, dim=0.8)
    d.polygon([*stands_top, (W, 0), (0, 0)], fill=(18, 22, 40))
    d.line(stands_top, fill=(60, 64, 80), width=8)
    for i in range(1, 6):
        band = ellipse(
            home[0],
            home[1] + H * 0.012 * i,
            W * (0.78 + 0.03 * i),
            H * (0.56 + 0.045 * i),
            0,
            60,
            math.radians(195),
            math.radians(345),
        )
        d.line(band, fill=(16, 16, 26, 150), width=5)
    for i in range(7):
        a = math.radians(205 + i * 21.5)
        p0 = (home[0] + rx * math.cos(a), home[1] + ry * math.sin(a))
        p1 = (home[0] + W * 0.95 * math.cos(a), home[1] + H * 0.02 + H * 0.8 * math.sin(a))
        d.line((p0, p1), fill=(20, 20, 30, 200), width=10)
    # scoreboard and floodlights
    d.rectangle((W * 0.4, H * 0.03, W * 0.6, H * 0.15), fill=(14, 16, 22))
    d.rectangle((W * 0.405, H * 0.04, W * 0.595, H * 0.14), fill=(6, 30, 20))
    for i in range(3):
        for k in range(9):
            if rng.random() < 0.75:
                d.rectangle(
                    (
                        W * (0.415 + k * 0.0195),
                        H * (0.05 + i * 0.03),
                        W * (0.428 + k * 0.0195),
                        H * (0.07 + i * 0.03),
                    ),
                    fill=(255, 196, 80, 210),
                )
    for fx in (0.08, 0.28, 0.72, 0.92):
        lx, ly = W * fx, H * (0.04 if fx in (0.08, 0.92) else 0.07)
        d.rectangle((lx - W * 0.04, ly, lx + W * 0.04, ly + H * 0.05), fill=(40, 44, 50))
        for i in range(5):
            for k in range(2):
                d.ellipse(
                    (
                        lx - W * 0.037 + i * W * 0.016,
                        ly + H * 0.005 + k * H * 0.022,
                        lx - W * 0.026 + i * W * 0.016,
                        ly + H * 0.023 + k * H * 0.022,
                    ),
                    fill=(255, 255, 240),
                )
        c.glow(lx, ly + H * 0.025, W * 0.12, H * 0.16, (240, 240, 255), 0.5, 1.4)
    # field with mowing bands, outfield wall
    d.polygon([*arc, (W, H), (0, H)], fill=(46, 128, 66))
    for i in range(1, 12):
        k = 1 - i / 12
        if i % 2:
            band = ellipse(
                home[0], home[1], rx * k, ry * k, 0, 60, math.radians(200), math.radians(340)
            )
            inner = ellipse(
                home[0],
                home[1],
                rx * (k - 1 / 12),
                ry * (k - 1 / 12),
                0,
                60,
                math.radians(200),
                math.radians(340),
            )
            d.polygon([*band, *reversed(inner)], fill=(56, 140, 74))
    d.line(arc, fill=(20, 60, 110), width=int(H * 0.025))
    first, second, third = (W * 0.66, H * 0.79), (W * 0.5, H * 0.675), (W * 0.34, H * 0.79)
    dirt = (184, 132, 88)
    mid = (W * 0.5, H * 0.8)

    def grow(p: Point, k: float) -> Point:
        return (mid[0] + (p[0] - mid[0]) * k, mid[1] + (p[1] - mid[1]) * k)

    outer = ellipse(
        home[0], home[1], W * 0.24, H * 0.3, 0, 30, math.radians(215), math.radians(325)
    )
    d.polygon([grow(home, 1.12), *outer], fill=dirt)
    d.polygon(
        [grow(home, 0.7), grow(first, 0.8), grow(second, 0.8), grow(third, 0.8)], fill=(52, 138, 72)
    )
    d.ellipse((W * 0.487, H * 0.775, W * 0.513, H * 0.795), fill=dirt)
    d.ellipse(
        (home[0] - W * 0.045, home[1] - H * 0.035, home[0] + W * 0.045, home[1] + H * 0.035),
        fill=dirt,
    )
    for base in (first, third):
        dx, dy = base[0] - home[0], base[1] - home[1]
        t = 1 / math.sqrt((dx / rx) ** 2 + (dy / ry) ** 2)
        d.line((home, (home[0] + dx * t, home[1] + dy * t)), fill=(245, 245, 245), width=5)
    for b in (first, second, third):
        d.polygon(
            [(b[0], b[1] - 6), (b[0] + 11, b[1]), (b[0], b[1] + 6), (b[0] - 11, b[1])],
            fill=(255, 255, 255),
        )
    d.polygon(
        [
            (home[0] - 8, home[1] - 4),
            (home[0] + 8, home[1] - 4),
            (home[0] + 8, home[1] + 2),
            (home[0], home[1] + 6),
            (home[0] - 8, home[1] + 2),
        ],
        fill=(255, 255, 255),
    )
    positions = [
        (0.5, 0.785),
        (0.545, 0.66),
        (0.63, 0.72),
        (0.37, 0.73),
        (0.655, 0.775),
        (0.27, 0.56),
        (0.5, 0.5),
        (0.73, 0.56),
        (0.47, 0.955),
        (0.5, 0.975),
        (0.52, 0.985),
    ]
    for i, (px, py) in enumerate(positions):
        s = H * 0.04 * (0.6 + py * 0.6)
        col = (245, 245, 245) if i < 8 else ((30, 60, 140) if i == 8 else (40, 40, 50))
        _silhouette(c, W * px, H * py, s, col, legs=(235, 235, 235) if i <= 8 else None)


def _wrestler(
    c: Canvas,
    hip: Point,
    facing: int,
    skin: RGB,
    belt: RGB,
    *,
    lean: float = 52.0,
    far: bool = False,
) -> tuple[Point, Point]:
    """A sumo wrestler in profile, bent forward at the hips. Returns (shoulder, head)."""
    d, H = c.d, c.h
    k = 0.86 if far else 1.0
    sk, dk = shade(skin, k), shade(skin, 0.8 * k)
    th = math.radians(lean)
    u = (facing * math.sin(th), -math.cos(th))  # along the spine, hip to shoulder
    n = (facing * math.cos(th), math.sin(th))  # belly side

    def at(a: float, b: float) -> Point:
        return (hip[0] + u[0] * a * H + n[0] * b * H, hip[1] + u[1] * a * H + n[1] * b * H)

    ang = math.atan2(u[1], u[0])
    ground = H * 0.715
    # legs: one braced behind, one bent under the body
    back_knee = (hip[0] - facing * H * 0.1, hip[1] + H * 0.08)
    back_foot = (hip[0] - facing * H * 0.2, ground)
    front_knee = (hip[0] + facing * H * 0.07, hip[1] + H * 0.075)
    front_foot = (hip[0] + facing * H * 0.04, ground)
    for knee, foot, kk in ((back_knee, back_foot, 0.88), (front_knee, front_foot, 1.0)):
        _limb(d, [hip, knee], H * 0.1, shade(sk, kk))
        _limb(d, [knee, foot], H * 0.07, shade(sk, kk))
        d.ellipse(
            (foot[0] - H * 0.04, foot[1] - H * 0.018, foot[0] + H * 0.04, foot[1] + H * 0.01),
            fill=shade(sk, kk * 0.95),
        )
    # body: buttocks, back, belly
    d.polygon(ellipse(*at(0.0, -0.035), H * 0.085, H * 0.08, ang), fill=dk)
    d.polygon(ellipse(*at(0.12, 0.0), H * 0.16, H * 0.11, ang, 48), fill=sk)
    d.polygon(ellipse(*at(0.07, 0.045), H * 0.12, H * 0.1, ang, 48), fill=sk)
    d.polygon(
        ellipse(*at(0.1, 0.07), H * 0.1, H * 0.05, ang, 40, 0, math.pi), fill=(80, 40, 20, 35)
    )
    # belt wrapped around the hips, with hanging cords in front
    band = [at(-0.01, -0.11), at(0.055, -0.11), at(0.055, 0.13), at(-0.01, 0.13)]
    d.polygon(band, fill=belt)
    d.polygon(
        [at(-0.005, -0.11), at(0.012, -0.11), at(0.012, 0.13), at(-0.005, 0.13)],
        fill=shade(belt, 1.35),
    )
    for i in range(5):
        top = at(0.0, 0.06 + i * 0.012)
        d.line(
            (top, (top[0] + facing * H * 0.004, top[1] + H * 0.07)),
            fill=shade(belt, 0.75),
            width=5,
        )
    shoulder = at(0.22, 0.02)
    head = at(0.3, 0.04)
    return shoulder, head


def _wrestler_head(c: Canvas, head: Point, facing: int, skin: RGB) -> None:
    d, H = c.d, c.h
    hx, hy = head
    r = H * 0.045
    d.ellipse((hx - r, hy - r, hx + r, hy + r * 1.1), fill=skin)
    d.chord(
        (hx - r * 1.05, hy - r * 1.08, hx + r * 1.05, hy + r * 0.9),
        200 if facing > 0 else 270,
        270 if facing > 0 else 340,
        fill=(22, 20, 20),
    )
    d.pieslice(
        (hx - r * 1.05, hy - r * 1.08, hx + r * 1.05, hy + r * 0.9),
        180 if facing > 0 else 270,
        270 if facing > 0 else 360,
        fill=(22, 20, 20),
    )
    kx = hx - facing * r * 0.2
    d.ellipse((kx - r * 0.55, hy - r * 1.45, kx + r * 0.55, hy - r * 0.8), fill=(22, 20, 20))
    d.ellipse(
        (
            hx - facing * r * 0.1 - r * 0.18,
            hy - r * 0.05,
            hx - facing * r * 0.1 + r * 0.18,
            hy + r * 0.35,
        ),
        fill=shade(skin, 0.85),
    )


def _scene_sumo(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, (30, 22, 20)), (1, (60, 44, 36))])
    clothes = [
        (40, 34, 30),
        (70, 60, 52),
        (25, 25, 30),
        (120, 90, 70),
        (90, 90, 100),
        (140, 130, 120),
    ]
    _crowd(
        c,
        [(0, H * 0.26), (W, H * 0.26), (W, H * 0.64), (0, H * 0.64)],
        clothes,
        H * 0.012,
        dim=0.75,
    )
    for i in range(8):
        y = H * (0.26 + i * 0.05)
        d.line((0, y, W, y), fill=(20, 14, 12, 160), width=6)
    c.blur(10)
    d = c.d
    c.glow(W * 0.5, H * 0.66, W * 0.55, H * 0.32, (255, 230, 190), 0.45)
    # the raised clay ring
    d.polygon(
        [(W * 0.02, H * 0.8), (W * 0.98, H * 0.8), (W * 1.1, H), (-W * 0.1, H)], fill=(150, 104, 66)
    )
    for i in range(6):
        y = H * (0.83 + i * 0.03)
        d.line((0, y, W, y), fill=(120, 82, 52, 90), width=4)
    d.polygon(
        [(W * 0.12, H * 0.62), (W * 0.88, H * 0.62), (W * 0.98, H * 0.8), (W * 0.02, H * 0.8)],
        fill=(216, 186, 142),
    )
    ring = ellipse(W * 0.5, H * 0.705, W * 0.36, H * 0.065, 0, 80)
    d.line(ring, fill=(184, 166, 110), width=int(H * 0.02), joint="curve")
    d.line(ring, fill=(230, 214, 160), width=int(H * 0.007), joint="curve")
    for s in (-1, 1):
        d.line(
            (W * (0.5 + s * 0.03), H * 0.69, W * (0.5 + s * 0.03), H * 0.72),
            fill=(250, 250, 250),
            width=6,
        )
    # hanging roof with tassels
    d.polygon(
        [(W * 0.06, H * 0.13), (W * 0.94, H * 0.13), (W * 0.84, H * 0.06), (W * 0.16, H * 0.06)],
        fill=(34, 26, 22),
    )
    d.polygon(
        [(W * 0.16, H * 0.06), (W * 0.84, H * 0.06), (W * 0.8, H * 0.0), (W * 0.2, H * 0.0)],
        fill=(24, 18, 16),
    )
    d.rectangle((W * 0.04, H * 0.12, W * 0.96, H * 0.135), fill=(120, 90, 50))
    d.rectangle((W * 0.08, H * 0.135, W * 0.92, H * 0.19), fill=(86, 40, 110))
    for i in range(8):
        x = W * (0.08 + i * 0.105)
        d.chord((x, H * 0.15, x + W * 0.105, H * 0.23), 0, 180, fill=(72, 32, 94))
    for x, col in (
        (0.1, (30, 120, 70)),
        (0.9, (190, 40, 40)),
        (0.26, (236, 236, 236)),
        (0.74, (30, 30, 30)),
    ):
        d.line((W * x, H * 0.19, W * x, H * 0.28), fill=col, width=8)
        d.ellipse((W * x - H * 0.012, H * 0.27, W * x + H * 0.012, H * 0.295), fill=col)
        d.polygon(
            [
                (W * x - H * 0.022, H * 0.36),
                (W * x - H * 0.008, H * 0.285),
                (W * x + H * 0.008, H * 0.285),
                (W * x + H * 0.022, H * 0.36),
            ],
            fill=col,
        )
    # referee in robes at the right
    rx, rf = W * 0.82, H * 0.745
    d.polygon(
        [
            (rx - H * 0.075, rf),
            (rx - H * 0.05, rf - H * 0.22),
            (rx + H * 0.05, rf - H * 0.22),
            (rx + H * 0.075, rf),
        ],
        fill=(40, 96, 160),
    )
    d.polygon(
        [
            (rx - H * 0.06, rf - H * 0.1),
            (rx + H * 0.06, rf - H * 0.1),
            (rx + H * 0.07, rf - H * 0.08),
            (rx - H * 0.07, rf - H * 0.08),
        ],
        fill=(220, 180, 60),
    )
    d.polygon(
        [(rx - H * 0.02, rf - H * 0.22), (rx + H * 0.02, rf - H * 0.22), (rx, rf - H * 0.16)],
        fill=(240, 226, 180),
    )
    d.ellipse((rx - H * 0.024, rf - H * 0.27, rx + H * 0.024, rf - H * 0.215), fill=_SKIN[1])
    d.polygon(
        [
            (rx - H * 0.026, rf - H * 0.255),
            (rx - H * 0.018, rf - H * 0.325),
            (rx + H * 0.018, rf - H * 0.315),
            (rx + H * 0.026, rf - H * 0.255),
        ],
        fill=(20, 20, 20),
    )
    _limb(
        d,
        [(rx - H * 0.04, rf - H * 0.18), (rx - H * 0.075, rf - H * 0.14)],
        H * 0.025,
        (40, 96, 160),
    )
    d.line((rx - H * 0.08, rf - H * 0.14, rx - H * 0.1, rf - H * 0.19), fill=(60, 40, 20), width=6)
    d.ellipse((rx - H * 0.125, rf - H * 0.245, rx - H * 0.075, rf - H * 0.18), fill=(34, 30, 26))
    # two wrestlers locked together in the centre
    cx = W * 0.5 + rng.uniform(-1, 1) * W * 0.02
    skin_l, skin_r = (232, 184, 146), (206, 152, 112)
    belt_l, belt_r = jitter(rng, (36, 36, 48), 8), jitter(rng, (116, 30, 44), 10)
    sh_r, head_r = _wrestler(c, (cx + H * 0.24, H * 0.55), -1, skin_r, belt_r, far=True)
    sh_l, head_l = _wrestler(c, (cx - H * 0.24, H * 0.545), 1, skin_l, belt_l)
    head_r = (head_r[0] + H * 0.01, head_r[1] - H * 0.05)
    _wrestler_head(c, head_r, -1, shade(skin_r, 0.9))
    # right wrestler's near arm reaches over to the left wrestler's belt
    _limb(
        d,
        [sh_r, (cx - H * 0.06, H * 0.47), (cx - H * 0.14, H * 0.51)],
        H * 0.06,
        shade(skin_r, 0.95),
    )
    _wrestler_head(c, head_l, 1, skin_l)
    _limb(
        d,
        [sh_l, (cx + H * 0.07, H * 0.5), (cx + H * 0.15, H * 0.53)],
        H * 0.062,
        shade(skin_l, 0.96),
    )
    d.ellipse((cx + H * 0.13, H * 0.51, cx + H * 0.18, H * 0.55), fill=shade(skin_l, 0.96))


def _scene_football(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, (40, 44, 56)), (0.1, (70, 74, 86))])
    clothes = [
        (30, 70, 170),
        (230, 230, 230),
        (200, 30, 40),
        (30, 30, 40),
        (120, 120, 130),
        (40, 80, 180),
        (210, 40, 50),
    ]
    _crowd(
        c, [(0, H * 0.08), (W, H * 0.08), (W, H * 0.42), (0, H * 0.42)], clothes, H * 0.01, dim=0.85
    )
    d.rectangle((0, 0, W, H * 0.08), fill=(60, 64, 76))
    for i in range(1, 8):
        y = H * (0.08 + i * 0.045)
        d.line((0, y, W, y), fill=(30, 30, 40, 160), width=6)
    for i in range(1, 6):
        x = W * i / 6
        d.line((x, H * 0.08, x, H * 0.42), fill=(40, 40, 50, 200), width=14)
    colors = [(30, 90, 180), (220, 40, 40), (250, 250, 250), (20, 150, 90), (250, 190, 20)]
    x, i = 0.0, rng.randint(0, 4)
    while x < W:
        bw = W * rng.uniform(0.12, 0.2)
        col = colors[i % len(colors)]
        d.rectangle((x, H * 0.42, x + bw, H * 0.48), fill=col)
        accent = shade(col, 0.7) if col != (250, 250, 250) else (40, 60, 120)
        d.rectangle((x + bw * 0.1, H * 0.44, x + bw * 0.55, H * 0.46), fill=accent)
        d.ellipse((x + bw * 0.65, H * 0.435, x + bw * 0.65 + H * 0.03, H * 0.465), fill=accent)
        x += bw
        i += 1
    # pitch with mowing stripes
    d.rectangle((0, H * 0.48, W, H), fill=(54, 140, 60))
    for k in range(-6, 8):
        if k % 2:
            x0 = W * (0.5 + k * 0.09)
            d.polygon(
                [
                    (x0, H * 0.48),
                    (x0 + W * 0.09, H * 0.48),
                    (x0 + W * 0.09 + (k + 1) * W * 0.05, H),
                    (x0 + k * W * 0.05, H),
                ],
                fill=(66, 154, 70),
            )
    d.line((0, H * 0.52, W, H * 0.52), fill=(240, 240, 240, 200), width=6)
    c.blur(10)
    d = c.d
    # the ball
    bx, by, br = W * 0.5, H * 0.9, H * 0.028
    d.ellipse((bx - br * 1.4, by + br * 0.6, bx + br * 1.4, by + br * 1.3), fill=(0, 0, 0, 70))
    d.ellipse((bx - br, by - br, bx + br, by + br), fill=(250, 250, 250))
    d.polygon(_star(bx, by, br * 0.45, 5, 0.8), fill=(30, 30, 30))
    # two players closing in
    run_a = {
        "lean": 18,
        "thigh_f": 50,
        "shin_f": -5,
        "thigh_b": -25,
        "shin_b": -85,
        "arm_f": -35,
        "fore_f": 40,
        "arm_b": 40,
        "fore_b": 100,
    }
    run_b = {
        "lean": 14,
        "thigh_f": 30,
        "shin_f": -30,
        "thigh_b": -15,
        "shin_b": -60,
        "arm_f": 45,
        "fore_f": 110,
        "arm_b": -40,
        "fore_b": 20,
    }
    hgt = H * 0.62
    for hx, hy in ((W * 0.6, H * 0.95), (W * 0.42, H * 0.955)):
        d.ellipse(
            (hx - W * 0.08, hy - H * 0.015, hx + W * 0.08, hy + H * 0.015), fill=(0, 0, 0, 50)
        )
    _athlete(
        c,
        (W * 0.6, H * 0.62),
        hgt,
        -1,
        run_b,
        skin=_SKIN[4],
        hair=_HAIR[0],
        shirt=(30, 80, 190),
        shorts=(250, 250, 250),
        socks=(30, 80, 190),
        shoes=(20, 20, 20),
    )
    _athlete(
        c,
        (W * 0.4, H * 0.6),
        hgt,
        1,
        run_a,
        skin=_SKIN[1],
        hair=_HAIR[1],
        shirt=(210, 30, 40),
        shorts=(20, 20, 30),
        socks=(210, 30, 40),
        shoes=(250, 200, 30),
    )


def _scene_runner(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, (150, 180, 210)), (0.4, (220, 226, 230))])
    for _ in range(4):
        c.clouds(W * rng.uniform(0, 1), H * rng.uniform(0.05, 0.25), H * 0.06, (240, 242, 246), 120)
    sea_top = H * 0.38
    city = ridge(rng, 0, W, sea_top - H * 0.02, H * 0.01)
    for x in range(0, int(W), int(W * 0.02)):
        if rng.random() < 0.4:
            d.rectangle(
                (x, sea_top - H * rng.uniform(0.02, 0.08), x + W * 0.015, sea_top),
                fill=(150, 160, 176),
            )
    d.polygon([*city, (W, sea_top), (0, sea_top)], fill=(140, 152, 168))
    c.gradient([(0, (90, 140, 176)), (1, (60, 110, 150))], (0, sea_top, W, H * 0.5))
    for _ in range(150):
        x, y = rng.uniform(0, W), rng.uniform(sea_top, H * 0.5)
        d.line((x, y, x + W * 0.02, y), fill=(255, 255, 255, 70), width=3)
    # spectators behind a barrier
    coats = [
        (40, 40, 50),
        (200, 60, 60),
        (60, 90, 160),
        (230, 230, 230),
        (90, 120, 80),
        (240, 200, 60),
    ]
    for row in range(3):
        for _ in range(34):
            col = jitter(rng, coats[rng.randrange(len(coats))], 15)
            hgt = H * rng.uniform(0.17, 0.21) * (1 + row * 0.08)
            head = _HAIR[rng.randrange(3)] if rng.random() < 0.6 else _SKIN[rng.randrange(5)]
            _silhouette(
                c,
                rng.uniform(0, W),
                H * (0.6 + row * 0.01),
                hgt,
                shade(col, 0.8 + row * 0.1),
                head=head,
            )
    d.rectangle((0, H * 0.55, W, H * 0.62), fill=(36, 90, 160))
    d.line((0, H * 0.55, W, H * 0.55), fill=(200, 200, 210), width=8)
    for k in range(10):
        d.rectangle(
            (W * k / 10 + W * 0.02, H * 0.565, W * k / 10 + W * 0.08, H * 0.6),
            fill=(250, 250, 250, 140),
        )
    c.gradient([(0, (120, 120, 128)), (1, (84, 84, 92))], (0, H * 0.62, W, H))
    d.line((0, H * 0.74, W, H * 0.74), fill=(60, 140, 220), width=int(H * 0.012))
    d.line((0, H * 0.985, W, H * 0.985), fill=(235, 235, 235), width=int(H * 0.01))
    c.blur(7)
    d = c.d
    d.ellipse((W * 0.37, H * 0.92, W * 0.63, H * 0.97), fill=(0, 0, 0, 70))
    stride = {
        "lean": 12,
        "thigh_f": 55,
        "shin_f": 5,
        "thigh_b": -30,
        "shin_b": -95,
        "arm_f": -30,
        "fore_f": 70,
        "arm_b": 45,
        "fore_b": 110,
    }
    _athlete(
        c,
        (W * 0.5, H * 0.53),
        H * 0.78,
        1,
        stride,
        skin=_SKIN[0],
        hair=_HAIR[0],
        shirt=(240, 120, 40),
        shorts=(30, 40, 80),
        shoes=(250, 250, 250),
        bib=True,
        ponytail=True,
        sleeves=False,
    )


def _scene_storm(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, (36, 42, 48)), (0.4, (88, 96, 100)), (0.52, (128, 134, 132))])
    for _ in range(70):
        x, y = rng.uniform(-0.1, 1.1) * W, rng.uniform(-0.05, 0.45) * H
        rx, ry = W * rng.uniform(0.08, 0.25), H * rng.uniform(0.03, 0.08)
        g = rng.randint(28, 100)
        d.ellipse((x - rx, y - ry, x + rx, y + ry), fill=(g, g + 5, g + 8, rng.randint(40, 110)))
    horizon = H * 0.52
    # headland on the left, half hidden by rain
    land = ridge(rng, -W * 0.05, W * 0.4, horizon - H * 0.08, H * 0.03)
    d.polygon([*land, (W * 0.5, horizon), (-W * 0.05, horizon)], fill=(64, 74, 72))
    c.gradient([(0, (92, 104, 104)), (1, (40, 54, 58))], (0, horizon, W, H))
    # rows of breaking waves, larger towards the camera
    y = horizon + H * 0.01
    while y < H * 0.82:
        t = (y - horizon) / (H * 0.3)
        x = -rng.uniform(0, W * 0.1)
        while x < W:
            ln = W * rng.uniform(0.05, 0.16) * (0.5 + t)
            hgt = H * rng.uniform(0.006, 0.014) * (0.5 + 2 * t)
            d.chord((x, y - hgt, x + ln, y + hgt), 180, 360, fill=(30, 44, 48, 140))
            d.arc(
                (x, y - hgt, x + ln, y + hgt),
                200,
                330,
                fill=(230, 236, 236, rng.randint(90, 200)),
                width=max(2, int(4 + 6 * t)),
            )
            x += ln * rng.uniform(1.1, 2.6)
        y += H * rng.uniform(0.012, 0.02) * (1 + 3 * t)
    d.rectangle((0, horizon - 2, W, horizon + 2), fill=(110, 118, 118, 120))
    c.blur(4)
    d = c.d
    # seawall and spray thrown up against it
    top_l, top_r = H * 0.83, H * 0.77
    for _ in range(14):
        x = rng.uniform(0, W)
        y = top_l + (top_r - top_l) * x / W
        c.glow(
            x,
            y - H * 0.05,
            H * rng.uniform(0.1, 0.2),
            H * rng.uniform(0.08, 0.16),
            (226, 232, 232),
            0.55,
            1.3,
        )
    d.polygon([(0, top_l), (W, top_r), (W, H), (0, H)], fill=(112, 114, 112))
    d.polygon(
        [(0, top_l), (W, top_r), (W, top_r + H * 0.025), (0, top_l + H * 0.025)],
        fill=(150, 152, 150),
    )
    for i in range(1, 12):
        x = W * i / 12
        y = top_l + (top_r - top_l) * i / 12
        d.line((x, y + H * 0.025, x, H), fill=(96, 98, 96), width=4)
    d.rectangle((0, H * 0.94, W, H), fill=(60, 62, 62))
    for _ in range(12):
        x, y = rng.uniform(0, W), H * rng.uniform(0.95, 1)
        d.ellipse(
            (x - W * 0.05, y - H * 0.008, x + W * 0.05, y + H * 0.008), fill=(150, 160, 164, 90)
        )
    # palms bending in the wind (to the right)
    for px in (0.12, 0.22, 0.8):
        base = (W * px, top_l + (top_r - top_l) * px + H * 0.01)
        tip = (base[0] + W * 0.1, base[1] - H * 0.45)
        trunk = bezier(base, (base[0] - W * 0.015, base[1] - H * 0.32), tip, 14)
        for i, (a, b) in enumerate(itertools.pairwise(trunk)):
            d.line((a, b), fill=(70 - i, 58 - i, 44 - i), width=int(H * (0.024 - i * 0.0008)))
        for k in range(11):
            a = math.radians(-60 + k * 12 + rng.uniform(-5, 5))
            ln = H * rng.uniform(0.13, 0.22)
            end = (tip[0] + ln * math.cos(a) * 1.4, tip[1] + ln * (math.sin(a) + 0.6) * 0.8)
            mid = (tip[0] + ln * 0.7 * math.cos(a), tip[1] + ln * 0.45 * math.sin(a) - H * 0.03)
            frond = bezier(tip, mid, end, 12)
            d.line(frond, fill=(30, 54, 38), width=int(H * 0.008), joint="curve")
            for j in range(2, 12):
                fx, fy = frond[j]
                d.line(
                    (fx, fy, fx + H * 0.03, fy + H * 0.03 * (0.6 + j / 12)),
                    fill=(36, 62, 44),
                    width=int(H * 0.004),
                )
    # driving rain
    for _ in range(900):
        x, y = rng.uniform(-0.25, 1) * W, rng.uniform(-0.1, 1) * H
        ln = H * rng.uniform(0.04, 0.1)
        d.line((x, y, x + ln * 0.5, y + ln), fill=(214, 222, 226, rng.randint(25, 85)), width=2)


def _scene_rice_field(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, (90, 150, 215)), (0.45, (200, 222, 238))])
    for _ in range(4):
        c.clouds(
            W * rng.uniform(0, 1),
            H * rng.uniform(0.08, 0.2),
            H * rng.uniform(0.04, 0.07),
            (255, 255, 255),
            190,
        )
    far = ridge(rng, -W * 0.05, W * 1.05, H * 0.3, H * 0.07)
    d.polygon([*far, (W * 1.05, H), (-W * 0.05, H)], fill=(110, 140, 160))
    mid = ridge(rng, -W * 0.05, W * 1.05, H * 0.42, H * 0.04)
    d.polygon([*mid, (W * 1.05, H), (-W * 0.05, H)], fill=(60, 104, 64))
    for _ in range(30):
        x, r = rng.uniform(0, W), H * rng.uniform(0.02, 0.045)
        d.ellipse((x - r, H * 0.46 - r, x + r, H * 0.46 + r), fill=jitter(rng, (44, 84, 48), 10))
    # a farmhouse
    hx = W * rng.uniform(0.15, 0.3)
    d.rectangle((hx, H * 0.44, hx + W * 0.06, H * 0.49), fill=(220, 210, 190))
    d.polygon(
        [(hx - W * 0.01, H * 0.445), (hx + W * 0.03, H * 0.41), (hx + W * 0.07, H * 0.445)],
        fill=(60, 64, 76),
    )
    # paddies receding towards the hills
    top = H * 0.48
    vp = (W * 0.5, H * 0.3)
    d.rectangle((0, top, W, H), fill=(214, 172, 70))
    bands = [top]
    y = top
    while y < H:
        y += (H * 0.012) * (1 + (y - top) / (H * 0.05))
        bands.append(y)
    for i, (y0, y1) in enumerate(itertools.pairwise(bands)):
        col = mix((200, 160, 70), (226, 186, 84), 0.5 + 0.5 * math.sin(i * 1.7))
        d.rectangle((0, y0, W, y1), fill=col)
        if i % 3 == 2:
            d.line((0, y1, W, y1), fill=(120, 130, 60, 120), width=max(2, int((y1 - top) / H * 14)))
    for k in range(-40, 41):
        x_bottom = W * 0.5 + k * W * 0.035
        t0 = (top - vp[1]) / (H - vp[1])
        x_top = vp[0] + (x_bottom - vp[0]) * t0
        d.line((x_top, top, x_bottom, H), fill=(150, 110, 40, 30), width=3)
    # harvested strip and the combine harvester
    d.polygon(
        [(0, H * 0.72), (W * 0.55, H * 0.66), (W * 0.58, H * 0.7), (0, H * 0.8)],
        fill=(160, 130, 80),
    )
    for k in range(20):
        y = H * (0.73 + k * 0.0035)
        d.line((0, y, W * 0.55, y - H * 0.06), fill=(130, 100, 60, 80), width=2)
    cx, cy, s = W * 0.58, H * 0.7, H * 0.1
    d.rounded_rectangle(
        (cx - s * 1.2, cy - s * 0.15, cx + s * 1.3, cy + s * 0.35),
        radius=s * 0.15,
        fill=(40, 40, 40),
    )
    for i in range(6):
        wx = cx - s * 1.05 + i * s * 0.45
        d.ellipse((wx - s * 0.12, cy + s * 0.05, wx + s * 0.12, cy + s * 0.29), fill=(80, 80, 80))
    d.rectangle((cx - s * 1.0, cy - s * 1.0, cx + s * 1.2, cy - s * 0.1), fill=(200, 40, 36))
    d.rectangle((cx - s * 1.0, cy - s * 0.45, cx + s * 1.2, cy - s * 0.38), fill=(240, 240, 240))
    d.polygon(
        [
            (cx + s * 1.2, cy - s * 0.5),
            (cx + s * 2.1, cy - s * 0.2),
            (cx + s * 2.1, cy + s * 0.2),
            (cx + s * 1.2, cy + s * 0.1),
        ],
        fill=(180, 180, 170),
    )
    for i in range(5):
        d.line(
            (
                cx + s * 1.3 + i * s * 0.17,
                cy - s * 0.35,
                cx + s * 1.3 + i * s * 0.17,
                cy + s * 0.15,
            ),
            fill=(120, 120, 110),
            width=3,
        )
    d.rectangle((cx + s * 0.35, cy - s * 1.6, cx + s * 1.0, cy - s * 1.0), fill=(200, 40, 36, 120))
    d.rectangle((cx + s * 0.35, cy - s * 1.65, cx + s * 1.05, cy - s * 1.58), fill=(170, 30, 30))
    d.line((cx + s * 0.38, cy - s * 1.58, cx + s * 0.38, cy - s * 1.0), fill=(60, 60, 60), width=4)
    d.line((cx + s * 1.02, cy - s * 1.58, cx + s * 1.02, cy - s * 1.0), fill=(60, 60, 60), width=4)
    d.line(
        (cx - s * 0.6, cy - s * 1.0, cx - s * 1.4, cy - s * 1.5),
        fill=(200, 40, 36),
        width=int(s * 0.15),
    )
    # the farmer and his straw hat
    fxp, fyp = cx + s * 0.68, cy - s * 1.1
    d.rounded_rectangle(
        (fxp - s * 0.18, fyp - s * 0.25, fxp + s * 0.18, fyp + s * 0.1),
        radius=s * 0.08,
        fill=(70, 90, 130),
    )
    d.ellipse((fxp - s * 0.1, fyp - s * 0.45, fxp + s * 0.1, fyp - s * 0.22), fill=_SKIN[4])
    d.polygon(
        [(fxp - s * 0.3, fyp - s * 0.36), (fxp, fyp - s * 0.56), (fxp + s * 0.3, fyp - s * 0.36)],
        fill=(226, 200, 140),
    )
    d.line(
        (fxp - s * 0.3, fyp - s * 0.36, fxp + s * 0.3, fyp - s * 0.36), fill=(170, 140, 90), width=3
    )
    # foreground ears of rice, drooping with grain
    for _ in range(130):
        x = rng.uniform(-0.02, 1.02) * W
        y0 = H * rng.uniform(0.93, 1.05)
        ln = H * rng.uniform(0.08, 0.16)
        lean = rng.uniform(-0.3, 0.6) * ln
        stalk = bezier((x, y0), (x, y0 - ln), (x + lean, y0 - ln * 0.95), 8)
        col = jitter(rng, (188, 150, 60), 18)
        d.line(stalk, fill=col, width=4, joint="curve")
        tip = stalk[-1]
        ear = bezier(
            tip,
            (tip[0] + ln * 0.35, tip[1] - ln * 0.05),
            (tip[0] + ln * 0.45, tip[1] + ln * 0.35),
            7,
        )
        for gx, gy in ear:
            r = H * 0.006
            d.ellipse(
                (gx - r, gy - r * 1.4, gx + r, gy + r * 1.4), fill=jitter(rng, (222, 180, 80), 14)
            )


def _scene_factory(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, (120, 150, 190)), (0.35, (240, 190, 150)), (0.6, (252, 210, 150))])
    c.glow(W * rng.uniform(0.15, 0.35), H * 0.5, H * 0.35, H * 0.35, (255, 236, 190), 0.9)
    hills = ridge(rng, -W * 0.05, W * 1.05, H * 0.48, H * 0.04)
    d.polygon([*hills, (W * 1.05, H), (-W * 0.05, H)], fill=(150, 140, 150))
    ground = H * 0.7
    # chimneys with steam
    for cxf, ht in ((0.64, 0.48), (0.72, 0.42)):
        x, top = W * cxf, H * (0.7 - ht)
        d.rectangle((x - W * 0.012, top, x + W * 0.012, ground), fill=(220, 214, 206))
        for i in range(4):
            y = top + (ground - top) * i / 7
            d.rectangle(
                (x - W * 0.012, y, x + W * 0.012, y + (ground - top) / 14), fill=(200, 56, 50)
            )
        for k in range(16):
            t = k / 16
            r = H * (0.035 + 0.09 * t)
            sx = x + W * 0.28 * t + rng.uniform(-8, 8)
            sy = top - H * 0.03 - H * 0.2 * t**0.6
            c.glow(sx, sy, r * 1.3, r, (250, 248, 244), 0.55 * (1 - t) + 0.15, 0.9)
    # a long saw-tooth roofed hall
    hall_top = H * 0.52
    d.rectangle((W * 0.05, hall_top, W * 0.95, ground), fill=(176, 184, 196))
    n = 14
    for i in range(n):
        x0 = W * (0.05 + 0.9 * i / n)
        x1 = W * (0.05 + 0.9 * (i + 1) / n)
        d.polygon([(x0, hall_top), (x0, hall_top - H * 0.06), (x1, hall_top)], fill=(150, 160, 176))
        d.rectangle((x0, hall_top - H * 0.06, x0 + W * 0.006, hall_top), fill=(240, 230, 200))
    for i in range(18):
        x = W * (0.07 + i * 0.049)
        d.rectangle((x, H * 0.58, x + W * 0.03, H * 0.61), fill=(80, 96, 120))
    d.rectangle((W * 0.05, H * 0.64, W * 0.95, H * 0.645), fill=(30, 80, 150))
    d.rectangle((W * 0.3, H * 0.655, W * 0.36, ground), fill=(110, 116, 124))
    d.rectangle((W * 0.62, H * 0.655, W * 0.68, ground), fill=(110, 116, 124))
    # a taller office block
    d.rectangle((W * 0.08, H * 0.42, W * 0.24, ground), fill=(214, 216, 220))
    for r in range(6):
        d.rectangle(
            (W * 0.09, H * (0.44 + r * 0.04), W * 0.23, H * (0.465 + r * 0.04)), fill=(90, 120, 150)
        )
    # yard with rows of new cars
    c.gradient([(0, (120, 120, 120)), (1, (90, 90, 94))], (0, ground, W, H))
    d.line((0, ground + H * 0.01, W, ground + H * 0.01), fill=(170, 170, 170), width=6)
    palette = [
        (240, 240, 240),
        (30, 30, 36),
        (160, 20, 30),
        (150, 156, 166),
        (40, 70, 140),
        (220, 220, 224),
    ]
    for row in range(5):
        y = ground + H * (0.05 + row * 0.045 + row * row * 0.004)
        s = H * (0.022 + row * 0.006)
        x = -rng.uniform(0, s * 3)
        while x < W:
            col = palette[rng.randrange(len(palette))]
            ln = s * 4.2
            d.rounded_rectangle((x, y - s * 0.9, x + ln, y), radius=s * 0.3, fill=col)
            d.polygon(
                [
                    (x + ln * 0.22, y - s * 0.85),
                    (x + ln * 0.34, y - s * 1.55),
                    (x + ln * 0.7, y - s * 1.55),
                    (x + ln * 0.84, y - s * 0.85),
                ],
                fill=shade(col, 0.95),
            )
            d.polygon(
                [
                    (x + ln * 0.27, y - s * 0.9),
                    (x + ln * 0.36, y - s * 1.42),
                    (x + ln * 0.68, y - s * 1.42),
                    (x + ln * 0.78, y - s * 0.9),
                ],
                fill=(60, 76, 96),
            )
            d.line(
                (x + ln * 0.52, y - s * 1.45, x + ln * 0.52, y - s * 0.9),
                fill=col,
                width=max(2, int(s * 0.12)),
            )
            for wx in (0.2, 0.8):
                d.ellipse(
                    (x + ln * wx - s * 0.38, y - s * 0.4, x + ln * wx + s * 0.38, y + s * 0.3),
                    fill=(24, 24, 26),
                )
                d.ellipse(
                    (x + ln * wx - s * 0.18, y - s * 0.2, x + ln * wx + s * 0.18, y + s * 0.1),
                    fill=(170, 170, 176),
                )
            x += ln * 1.12
    # perimeter fence in the foreground
    for i in range(50):
        x = W * i / 49
        d.line((x, H * 0.88, x, H), fill=(70, 80, 70, 160), width=5)
    d.line((0, H * 0.9, W, H * 0.9), fill=(70, 80, 70), width=6)
    for i in range(0, 100):
        x = W * i / 99
        d.line((x, H * 0.9, x + W * 0.02, H), fill=(90, 100, 90, 70), width=2)
        d.line((x + W * 0.02, H * 0.9, x, H), fill=(90, 100, 90, 70), width=2)


def _scene_street(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    c.gradient([(0, (40, 42, 88)), (0.3, (140, 88, 116)), (0.5, (240, 150, 100))])
    vp = (W * 0.5 + rng.uniform(-1, 1) * W * 0.03, H * 0.46)
    f = H * 0.5

    def proj(x: float, y: float, z: float) -> Point:
        return (vp[0] + x / z * f, vp[1] + y / z * f)

    # paving
    d.polygon(
        [proj(-3, 1, 80), proj(3, 1, 80), proj(3, 1, 0.8), proj(-3, 1, 0.8)], fill=(104, 94, 92)
    )
    for z in (1.0, 1.3, 1.7, 2.2, 3, 4, 5.5, 7.5, 10, 14, 20, 30):
        d.line((proj(-3, 1, z), proj(3, 1, z)), fill=(84, 76, 76), width=3)
    for x in (-1.5, 0, 1.5):
        d.line((proj(x, 1, 80), proj(x, 1, 0.8)), fill=(84, 76, 76), width=3)
    # shop fronts on both sides, from far to near
    zs = [60.0]
    while zs[-1] > 0.9:
        zs.append(zs[-1] / rng.uniform(1.22, 1.4))
    awnings = [
        (190, 60, 50),
        (60, 110, 150),
        (220, 170, 70),
        (90, 140, 90),
        (200, 120, 60),
        (130, 80, 130),
        (230, 230, 220),
    ]
    for side in (-1, 1):
        xw = 3 * side
        for za, zb in itertools.pairwise(zs):
            col = jitter(rng, (126, 104, 96), 28)
            roof = -rng.uniform(2.4, 4.0)
            d.polygon(
                [proj(xw, 1, za), proj(xw, roof, za), proj(xw, roof, zb), proj(xw, 1, zb)], fill=col
            )
            d.line((proj(xw, roof, za), proj(xw, roof, zb)), fill=shade(col, 0.7), width=4)
            # lit shop window with a dark frame
            warm = jitter(rng, (255, 214, 150), 15)
            d.polygon(
                [
                    proj(xw, 0.95, za * 0.97),
                    proj(xw, -0.55, za * 0.97),
                    proj(xw, -0.55, zb * 1.05),
                    proj(xw, 0.95, zb * 1.05),
                ],
                fill=warm,
            )
            d.polygon(
                [
                    proj(xw, 0.95, za * 0.9),
                    proj(xw, 0.3, za * 0.9),
                    proj(xw, 0.3, za * 0.72),
                    proj(xw, 0.95, za * 0.72),
                ],
                fill=rgba(shade(warm, 0.7), 200),
            )
            # awning sticking out towards the street
            aw = awnings[rng.randrange(len(awnings))]
            xa = xw - side * 0.5
            d.polygon(
                [
                    proj(xw, -0.8, za),
                    proj(xa, -0.5, za),
                    proj(xa, -0.5, zb * 1.02),
                    proj(xw, -0.8, zb * 1.02),
                ],
                fill=aw,
            )
            d.polygon(
                [
                    proj(xa, -0.5, za),
                    proj(xa, -0.38, za),
                    proj(xa, -0.38, zb * 1.02),
                    proj(xa, -0.5, zb * 1.02),
                ],
                fill=shade(aw, 0.75),
            )
            # upper-floor window
            if roof < -2.2:
                zm = (za + zb) / 2
                d.polygon(
                    [
                        proj(xw, -1.9, za * 0.92),
                        proj(xw, -1.3, za * 0.92),
                        proj(xw, -1.3, zm),
                        proj(xw, -1.9, zm),
                    ],
                    fill=rgba((60, 52, 64), 220),
                )
                if rng.random() < 0.5:
                    d.polygon(
                        [
                            proj(xw, -1.85, za * 0.9),
                            proj(xw, -1.35, za * 0.9),
                            proj(xw, -1.35, zm * 1.04),
                            proj(xw, -1.85, zm * 1.04),
                        ],
                        fill=rgba((255, 200, 130), 150),
                    )
            # blank hanging sign
            sx = xw - side * 0.3
            p1, p2 = proj(sx, -2.1, zb * 1.1), proj(sx, -1.05, zb * 1.1)
            sw = max(3, f / zb * 0.12)
            d.rectangle(
                (p1[0] - sw, p1[1], p1[0] + sw, p2[1]), fill=jitter(rng, (236, 226, 204), 18)
            )
        # a string of glowing lanterns
        pts = [proj(xw - side * 0.9, -1.25, z) for z in (40, 24, 15, 10, 7, 5, 3.6, 2.6, 1.9, 1.4)]
        d.line(pts, fill=(40, 30, 30), width=3)
        for z, (px, py) in zip((24, 15, 10, 7, 5, 3.6, 2.6, 1.9, 1.4), pts[1:], strict=False):
            r = f / z * 0.13
            c.glow(px, py + r, r * 4, r * 4, (255, 170, 90), 0.3)
            d.ellipse((px - r, py, px + r, py + r * 2.3), fill=(226, 60, 40))
            d.ellipse(
                (px - r * 0.5, py + r * 0.4, px + r * 0.2, py + r * 1.6), fill=(250, 120, 80, 120)
            )
            d.rectangle(
                (px - r * 0.55, py - r * 0.15, px + r * 0.55, py + r * 0.15), fill=(30, 20, 20)
            )
            d.rectangle(
                (px - r * 0.55, py + r * 2.2, px + r * 0.55, py + r * 2.45), fill=(30, 20, 20)
            )
    c.blur(4)
    d = c.d
    # people, far to near
    coats = [
        (60, 60, 80),
        (110, 60, 50),
        (40, 40, 46),
        (150, 140, 120),
        (70, 90, 110),
        (120, 40, 60),
        (200, 190, 170),
    ]
    people = [(math.exp(rng.uniform(0.8, 3.2)), rng.uniform(-2.3, 2.3)) for _ in range(44)]
    for z, x in sorted(people, reverse=True):
        cx, feet = proj(x, 1, z)
        hgt = 1.65 / z * f * rng.uniform(0.9, 1.08)
        k = 0.45 + 0.5 * min(1.0, 3 / z)
        coat = shade(jitter(rng, coats[rng.randrange(len(coats))], 12), k)
        hair = shade(_HAIR[rng.randrange(4)], k)
        d.ellipse(
            (cx - hgt * 0.18, feet - hgt * 0.02, cx + hgt * 0.18, feet + hgt * 0.02),
            fill=(0, 0, 0, 60),
        )
        _silhouette(
            c,
            cx,
            feet,
            hgt,
            coat,
            stride=rng.uniform(-0.04, 0.04),
            legs=shade((40, 40, 50), k),
            head=hair,
        )


def _scene_press_conference(c: Canvas) -> None:
    rng, d, W, H = c.rng, c.d, c.w, c.h
    curtain = jitter(rng, (34, 52, 104), 8)
    c.gradient([(0, shade(curtain, 0.7)), (0.5, curtain), (1, shade(curtain, 0.6))])
    n = 28
    for i in range(n):
        x = W * i / n
        d.rectangle((x, 0, x + W / n * 0.5, H), fill=(255, 255, 255, 10))
        d.line((x, 0, x, H), fill=(0, 0, 20, 50), width=6)
    c.glow(W * 0.5, H * 0.35, W * 0.35, H * 0.45, (120, 150, 220), 0.35)
    # flag to the speaker's right
    px = W * 0.27
    d.rectangle((px - H * 0.004, H * 0.08, px + H * 0.004, H), fill=(170, 140, 70))
    d.ellipse((px - H * 0.012, H * 0.065, px + H * 0.012, H * 0.09), fill=(212, 178, 90))
    d.rectangle((px - H * 0.05, H * 0.095, px + H * 0.05, H * 0.102), fill=(170, 140, 70))
    _hang_flag(c, _flag_japan(300, 200), px - H * 0.048, H * 0.1, H * 0.096, H * 0.4)
    c.blur(4)
    d = c.d
    # the speaker behind a lectern
    _suited_person(
        c,
        W * 0.5,
        H * 1.22,
        H * 0.98,
        suit=(32, 34, 42),
        skin=_SKIN[1],
        hair=_HAIR[3],
        tie=jitter(rng, (40, 70, 130), 20),
    )
    wood, top = (120, 80, 50), H * 0.66
    d.polygon([(W * 0.38, top), (W * 0.62, top), (W * 0.6, H), (W * 0.4, H)], fill=wood)
    d.polygon(
        [
            (W * 0.37, top - H * 0.02),
            (W * 0.63, top - H * 0.02),
            (W * 0.62, top + H * 0.02),
            (W * 0.38, top + H * 0.02),
        ],
        fill=shade(wood, 1.2),
    )
    d.ellipse((W * 0.5 - H * 0.07, H * 0.76, W * 0.5 + H * 0.07, H * 0.9), fill=(200, 170, 90))
    d.ellipse(
        (W * 0.5 - H * 0.055, H * 0.775, W * 0.5 + H * 0.055, H * 0.885), fill=shade(wood, 0.9)
    )
    d.ellipse((W * 0.5 - H * 0.03, H * 0.8, W * 0.5 + H * 0.03, H * 0.86), fill=(200, 170, 90))
    # a bank of microphones
    for i in range(7):
        bx = W * (0.45 + i * 0.0167)
        tx = W * 0.5 + (bx - W * 0.5) * 0.5
        ty = H * (0.42 + 0.012 * abs(i - 3))
        d.line((bx, top - H * 0.02, tx, ty), fill=(20, 20, 24), width=5)
        col = (20, 20, 24) if i % 3 else jitter(rng, (160, 40, 40), 30)
        d.rounded_rectangle(
            (tx - H * 0.011, ty - H * 0.022, tx + H * 0.011, ty + H * 0.008),
            radius=H * 0.008,
            fill=col,
        )
    # photographers in the foreground
    for side in (-1, 1):
        for k in range(2):
            cx = W * (0.5 + side * (0.3 + 0.14 * k)) + rng.uniform(-20, 20)
            cy = H * (0.9 + 0.04 * k)
            r = H * 0.09
            d.ellipse((cx - r, cy - r, cx + r, cy + r * 1.4), fill=(14, 14, 18))
            d.rectangle(
                (
                    cx - side * r * 0.2 - r * 0.8,
                    cy - r * 0.5,
                    cx - side * r * 0.2 + r * 0.8,
                    cy + r * 0.2,
                ),
                fill=(22, 22, 26),
            )
            lx = cx - side * r * 1.1
            d.ellipse(
                (lx - r * 0.45, cy - r * 0.55, lx + r * 0.45, cy + r * 0.3), fill=(30, 30, 36)
            )
            d.ellipse(
                (lx - r * 0.25, cy - r * 0.38, lx + r * 0.25, cy + r * 0.12), fill=(60, 70, 90)
            )
    c.glow(W * 0.87, H * 0.62, H * 0.14, H * 0.14, (255, 255, 255), 0.45, 1.5)


_SCENES: dict[str, Callable[[Canvas], None]] = {
    "meeting": _scene_meeting,
    "parliament": _scene_parliament,
    "skyline": _scene_skyline,
    "rail": _scene_rail,
    "harbour": _scene_harbour,
    "market": _scene_market,
    "stadium": _scene_stadium,
    "sumo": _scene_sumo,
    "football": _scene_football,
    "runner": _scene_runner,
    "storm": _scene_storm,
    "rice-field": _scene_rice_field,
    "factory": _scene_factory,
    "street": _scene_street,
    "press-conference": _scene_press_conference,
}

SCENES: tuple[str, ...] = tuple(_SCENES)
"""The scene names :func:`draw_scene` understands."""

# Main subject of each scene as fractions of the frame: (x, y, width, height).
_FOCUS: dict[str, tuple[float, float, float, float]] = {
    "meeting": (0.2, 0.28, 0.6, 0.62),
    "parliament": (0.36, 0.08, 0.28, 0.64),
    "skyline": (0.25, 0.25, 0.5, 0.5),
    "rail": (0.05, 0.4, 0.45, 0.2),
    "harbour": (0.1, 0.45, 0.45, 0.2),
    "market": (0.5, 0.25, 0.25, 0.72),
    "stadium": (0.25, 0.55, 0.5, 0.4),
    "sumo": (0.3, 0.3, 0.4, 0.45),
    "football": (0.3, 0.3, 0.4, 0.65),
    "runner": (0.35, 0.15, 0.3, 0.8),
    "storm": (0.0, 0.35, 0.5, 0.5),
    "rice-field": (0.45, 0.5, 0.3, 0.25),
    "factory": (0.55, 0.15, 0.3, 0.55),
    "street": (0.3, 0.3, 0.4, 0.5),
    "press-conference": (0.36, 0.12, 0.28, 0.58),
}


def draw_scene(name: str, *, seed: int, size: tuple[int, int] = (1600, 1000)) -> bytes:
    """Draw the named scene and return it as JPEG bytes (deterministic per name and seed)."""
    try:
        painter = _SCENES[name]
    except KeyError:
        raise ValueError(f"unknown scene {name!r}; expected one of {', '.join(SCENES)}") from None
    canvas = Canvas(size, random.Random(f"{name}:{seed}"))
    painter(canvas)
    return canvas.finish()


def focal_point(name: str, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The main subject of a scene drawn at ``size``, as (x, y, width, height) in pixels."""
    if name not in _FOCUS:
        raise ValueError(f"unknown scene {name!r}; expected one of {', '.join(SCENES)}")
    fx, fy, fw, fh = _FOCUS[name]
    w, h = size
    return (round(fx * w), round(fy * h), round(fw * w), round(fh * h))
