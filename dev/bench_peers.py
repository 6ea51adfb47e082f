#!/usr/bin/env python3
"""Times OpenCV and Pillow on the work of `jimagecuda bench ops`, for its peer columns.

    python3 dev/bench_peers.py [--sizes 3840x2160,1920x1080] [--reps 10] [--only REGEX] > peers.json
    ./jimagecuda bench ops --peers peers.json                      # or, in one command:
    ./jimagecuda bench ops --peers-cmd "python3 dev/bench_peers.py"

Needs Python 3 and numpy; OpenCV (opencv-python-headless) and Pillow are each optional: a library that
cannot be imported is reported under "unavailable" and its entries are left out. Nothing else is used.

Prints JSON on stdout (progress goes to stderr):

    {"versions": {"python": ..., "numpy": ..., "opencv": ..., "pillow": ...}, "opencv_threads": N,
     "unavailable": {"pillow": "No module named 'PIL'"}, "reps": 10, "warmup": 2,
     "results": [{"entry": "fill.color", "size": "3840x2160", "library": "opencv", "dtype": "u8",
                  "ms": 1.234, "impl": "dst[...] = colour (numpy)"},
                 {"entry": "filter.sobel", ..., "library": "pillow", "ms": null, "skipped": "..."}]}

`ms` is the median wall time of one call over `reps` calls after `warmup` untimed ones. Each library runs
with its defaults (OpenCV: its own thread pool; numpy and Pillow: one thread). OpenCV is timed on 8-bit RGBA
("u8") and on float32 RGBA ("f32") arrays, Pillow on 8-bit RGBA images. Inputs are RGB noise with alpha 1
(src) and an orange-to-blue gradient with alpha 0.8 (the overlay), like the Java side's buffers. Results
are written into arrays made beforehand where the library allows it (OpenCV's dst=, numpy's out=); Pillow
always returns a new image.

Entries (names are the Java rows they join; parameters are the ones the Java entries must use):

    copy                      src -> dst
    fill.color                (0.2, 0.4, 0.6, 1)
    fill.gradient             horizontal, black -> white
    fill.noise                monochrome
    fill.circle               white on transparent, radius min(w, h) / 2, 1-pixel soft edge
    fill.ngon                 triangle, white on transparent, circumradius min(w, h) / 2
    convert.floatToU8         float32 -> uint8 (OpenCV column by input type: f32)
    convert.u8ToFloat         uint8 -> float32 (OpenCV column: u8)
    filter.gaussianBlur r20   radius 20, sigma 20/3, clamp to edge
    blend.normal              overlay (same size) over src, opacity 1
    adjust.brightness         +0.2        adjust.contrast    1.5      adjust.saturation   1.5
    adjust.gamma              2.2         adjust.hue         30 deg
    filter.invert, filter.sepia (intensity 1), filter.threshold 0.5, filter.solarize 0.5,
    filter.sharpen (strength 1), filter.sobel, filter.emboss (strength 1)
    resize.bilinear 800x600, resize.lanczos 800x600
    transform.rotate 35 expand   35 deg clockwise, bilinear, canvas grown to fit
    transform.flip            horizontal
    transform.crop 512x512    from the centre

Implementations whose result can be stated as a formula (brightness, contrast, saturation, gamma, invert,
sepia, both conversions, the normal blend) are checked against it on a small image before being timed; one
that disagrees (e.g. an OpenCV build that reads an argument differently) is skipped with the reason.
"""

import argparse
import json
import math
import os
import platform
import re
import statistics
import sys
import time

try:
    import numpy as np
except ImportError as e:  # numpy is the one hard requirement: both peers hand pixels over as its arrays
    print("bench_peers.py: numpy is required (pip install numpy): %s" % e, file=sys.stderr)
    sys.exit(2)

UNAVAILABLE = {}
try:
    import cv2
except ImportError as e:
    cv2 = None
    UNAVAILABLE["opencv"] = "%s (pip install opencv-python-headless)" % e
try:
    from PIL import Image, ImageDraw, ImageFilter
    import PIL
except ImportError as e:
    Image = ImageDraw = ImageFilter = PIL = None
    UNAVAILABLE["pillow"] = "%s (pip install Pillow)" % e

LUMA = (0.299, 0.587, 0.114)
SEPIA = ((0.393, 0.769, 0.189), (0.349, 0.686, 0.168), (0.272, 0.534, 0.131))
BRIGHTNESS, CONTRAST, SATURATION, GAMMA, HUE, THRESHOLD, SOLARIZE = 0.2, 1.5, 1.5, 2.2, 30.0, 0.5, 0.5
BLUR_RADIUS = 20
SHARPEN = np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], np.float32)
EMBOSS = np.array([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], np.float32)
COLOUR = (0.2, 0.4, 0.6, 1.0)


class Skip(Exception):
    """An entry a library cannot run; the message says why."""


class NotApplicable(Exception):
    """An entry that has no meaning for this data type (a conversion from the other type): no result."""


class Data:
    """The inputs of one size and data type, and helpers to make outputs."""

    def __init__(self, width, height, dtype):
        self.w, self.h, self.dtype = width, height, dtype
        self.f32 = dtype == "f32"
        self.one = 1.0 if self.f32 else 255.0
        rng = np.random.default_rng(1)
        src = rng.random((height, width, 4), dtype=np.float32)
        src[..., 3] = 1
        ramp = np.linspace(0, 1, width, dtype=np.float32)[None, :, None]
        ov = np.empty((height, width, 4), np.float32)
        ov[...] = np.array([1, 0.5, 0, 0.8], np.float32) + ramp * np.array([-1, 0, 1, 0], np.float32)
        self.src, self.ov = (src, ov) if self.f32 else (to_u8(src), to_u8(ov))

    def like(self, channels=4, dtype=None, shape=None):
        h, w = shape if shape else (self.h, self.w)
        dims = (h, w) if channels == 1 else (h, w, channels)
        return np.empty(dims, dtype or self.src.dtype)

    def pil(self, which="src"):
        if self.f32:
            raise NotApplicable("Pillow has no float RGBA images")
        return Image.fromarray(getattr(self, which), "RGBA")

    def scale(self, colour):
        return tuple(c * self.one for c in colour)


def to_u8(a):
    return (np.clip(a, 0, 1) * 255 + 0.5).astype(np.uint8)


ENTRIES = {}  # name -> {library: setup}; setup(data) -> (run, impl); run() returns the result


def peer(name, library):
    def register(setup):
        ENTRIES.setdefault(name, {})[library] = setup
        return setup
    return register


def clamp01(a):
    """Clamps a float32 array to [0, 1] in place with OpenCV (u8 results saturate by themselves)."""
    cv2.threshold(a, 1.0, 1.0, cv2.THRESH_TRUNC, a)
    cv2.threshold(a, 0.0, 0.0, cv2.THRESH_TOZERO, a)


def lut4(d, f):
    """A 256-entry table per channel for cv2.LUT: f on R, G, B (values 0..1), alpha unchanged."""
    x = np.arange(256) / 255.0
    t = np.empty((1, 256, 4), np.uint8)
    t[0, :, :3] = to_u8(f(x))[:, None]
    t[0, :, 3] = np.arange(256)
    return t


def pil_table(f):
    """The same table for Pillow's Image.point on RGBA: 4 x 256 entries."""
    x = np.arange(256) / 255.0
    rgb = [int(v) for v in to_u8(f(x))]
    return rgb * 3 + list(range(256))


def affine(m3, offset=(0, 0, 0)):
    """A 4x5 cv2.transform matrix: m3 on RGB plus offset, alpha unchanged."""
    m = np.zeros((4, 5), np.float64)
    m[:3, :3] = m3
    m[:3, 4] = offset
    m[3, 3] = 1
    return m


# ---------------------------------------------------------------- copy, fills, conversions

@peer("copy", "opencv")
def _(d):
    dst = d.like()
    return (lambda: np.copyto(dst, d.src) or dst), "np.copyto(dst, src)"


@peer("copy", "pillow")
def _(d):
    im = d.pil()
    return im.copy, "Image.copy()"


@peer("fill.color", "opencv")
def _(d):
    dst, c = d.like(), np.array(d.scale(COLOUR), d.src.dtype)

    def run():
        dst[...] = c
        return dst
    return run, "dst[...] = colour (numpy)"


@peer("fill.color", "pillow")
def _(d):
    im, c = d.pil(), tuple(int(v) for v in d.scale(COLOUR))

    def run():
        im.paste(c, (0, 0, d.w, d.h))
        return im
    return run, "Image.paste(colour, box)"


@peer("fill.gradient", "opencv")
def _(d):
    dst = d.like()
    ramp = np.linspace(0, d.one, d.w, dtype=np.float32)[None, :, None]
    row = d.like(shape=(1, d.w))

    def run():
        row[..., :3] = ramp if d.f32 else ramp + 0.5
        row[..., 3] = d.one
        dst[...] = row
        return dst
    return run, "a ramp broadcast over the rows (numpy)"


@peer("fill.noise", "opencv")
def _(d):
    mono, alpha, dst = d.like(1), np.full((d.h, d.w), d.one, d.src.dtype), d.like()

    def run():
        cv2.randu(mono, 0, d.one if d.f32 else 256)
        return cv2.merge([mono, mono, mono, alpha], dst)
    return run, "cv2.randu + cv2.merge"


@peer("fill.noise", "pillow")
def _(d):
    d.pil()
    alpha = Image.new("L", (d.w, d.h), 255)

    def run():
        n = Image.effect_noise((d.w, d.h), 64)
        return Image.merge("RGBA", (n, n, n, alpha))
    return run, "Image.effect_noise (Gaussian) + Image.merge"


def shape_points(d):
    r = min(d.w, d.h) / 2
    cx, cy = d.w / 2, d.h / 2
    return [(cx + r * math.sin(a), cy - r * math.cos(a)) for a in (0, 2 * math.pi / 3, 4 * math.pi / 3)]


@peer("fill.circle", "opencv")
def _(d):
    dst, c = d.like(), d.scale((1, 1, 1, 1))

    def run():
        dst[...] = 0
        cv2.circle(dst, (d.w // 2, d.h // 2), min(d.w, d.h) // 2, c, -1, cv2.LINE_AA)
        return dst
    return run, "dst[...] = 0 + cv2.circle(filled, LINE_AA)"


@peer("fill.circle", "pillow")
def _(d):
    im = d.pil()
    r = min(d.w, d.h) / 2

    def run():
        im.paste((0, 0, 0, 0), (0, 0, d.w, d.h))
        ImageDraw.Draw(im).ellipse((d.w / 2 - r, d.h / 2 - r, d.w / 2 + r, d.h / 2 + r), fill=(255,) * 4)
        return im
    return run, "Image.paste + ImageDraw.ellipse"


@peer("fill.ngon", "opencv")
def _(d):
    dst, c = d.like(), d.scale((1, 1, 1, 1))
    pts = np.array([[round(x), round(y)] for x, y in shape_points(d)], np.int32)

    def run():
        dst[...] = 0
        cv2.fillPoly(dst, [pts], c, cv2.LINE_AA)
        return dst
    return run, "dst[...] = 0 + cv2.fillPoly(LINE_AA)"


@peer("fill.ngon", "pillow")
def _(d):
    im = d.pil()

    def run():
        im.paste((0, 0, 0, 0), (0, 0, d.w, d.h))
        ImageDraw.Draw(im).polygon(shape_points(d), fill=(255,) * 4)
        return im
    return run, "Image.paste + ImageDraw.polygon"


@peer("convert.floatToU8", "opencv")
def _(d):
    if not d.f32:
        raise NotApplicable("the input is float32")
    dst = d.like(dtype=np.uint8)
    return (lambda: cv2.convertScaleAbs(d.src, dst, 255.0)), "cv2.convertScaleAbs(src, alpha=255)"


@peer("convert.u8ToFloat", "opencv")
def _(d):
    if d.f32:
        raise NotApplicable("the input is uint8")
    dst = d.like(dtype=np.float32)
    return (lambda: np.multiply(d.src, np.float32(1 / 255), out=dst)), \
        "np.multiply(src, 1/255, out=dst) (OpenCV's Python API has no convertTo)"


# ---------------------------------------------------------------- blur and blend

@peer("filter.gaussianBlur r20", "opencv")
def _(d):
    dst, k, sigma = d.like(), 2 * BLUR_RADIUS + 1, BLUR_RADIUS / 3
    return (lambda: cv2.GaussianBlur(d.src, (k, k), sigma, dst, sigma, cv2.BORDER_REPLICATE)), \
        "cv2.GaussianBlur(ksize 41, sigma 20/3, BORDER_REPLICATE)"


@peer("filter.gaussianBlur r20", "pillow")
def _(d):
    im = d.pil()
    return (lambda: im.filter(ImageFilter.GaussianBlur(BLUR_RADIUS / 3))), \
        "ImageFilter.GaussianBlur(radius = sigma = 20/3; box-blur approximation)"


@peer("blend.normal", "opencv")
def _(d):
    f = lambda: d.like(1, np.float32)
    a_s, a_b, inv, w_b, a_o, ones = f(), f(), f(), f(), f(), np.ones((d.h, d.w), np.float32)
    a8 = d.like(1, np.uint8)
    dst = d.like()
    scale = np.float32(1 / 255)

    def weight(img, out):
        if d.f32:
            return cv2.extractChannel(img, 3, out)
        cv2.extractChannel(img, 3, a8)
        return np.multiply(a8, scale, out=out)

    def run():
        weight(d.ov, a_s)
        weight(d.src, a_b)
        cv2.subtract(ones, a_s, inv)
        cv2.multiply(a_b, inv, w_b)
        cv2.blendLinear(d.ov, d.src, a_s, w_b, dst)
        cv2.add(a_s, w_b, a_o)
        cv2.insertChannel(a_o if d.f32 else cv2.convertScaleAbs(a_o, a8, 255.0), dst, 3)
        return dst
    return run, "cv2.blendLinear with weights a_s and a_b(1 - a_s), alpha a_s + a_b(1 - a_s) inserted"


@peer("blend.normal", "pillow")
def _(d):
    base, ov = d.pil(), d.pil("ov")
    return (lambda: Image.alpha_composite(base, ov)), "Image.alpha_composite"


# ---------------------------------------------------------------- adjust and point filters

def pillow_point(name, f):
    """Per-channel ops in Pillow: Image.point with a table per channel (alpha unchanged)."""

    @peer(name, "pillow")
    def _(d):
        im, table = d.pil(), pil_table(f)
        return (lambda: im.point(table)), "Image.point(table)"


def linear_op(name, m3, offset, clamp, per_channel=None):
    """Ops that are one affine map of RGB: cv2.transform (u8 saturates; f32 clamped where the op clamps), or,
    for per-channel ones on u8, cv2.LUT, the usual OpenCV way for 8-bit point operations."""

    @peer(name, "opencv")
    def _(d):
        dst = d.like()
        if per_channel is not None and not d.f32:
            t = lut4(d, per_channel)
            return (lambda: cv2.LUT(d.src, t, dst)), "cv2.LUT"
        m = affine(m3, np.array(offset) * d.one)

        def run():
            cv2.transform(d.src, m, dst)
            if clamp and d.f32:
                clamp01(dst)
            return dst
        return run, "cv2.transform (4x5 matrix)" + (" + clamp (cv2.threshold)" if clamp and d.f32 else "")

    if per_channel is not None:
        pillow_point(name, per_channel)


I3 = np.eye(3)
linear_op("adjust.brightness", I3, (BRIGHTNESS,) * 3, True, lambda x: x + BRIGHTNESS)
linear_op("adjust.contrast", I3 * CONTRAST, (0.5 * (1 - CONTRAST),) * 3, True, lambda x: (x - 0.5) * CONTRAST + 0.5)
linear_op("adjust.saturation", SATURATION * I3 + (1 - SATURATION) * np.array([LUMA] * 3), (0, 0, 0), True)
linear_op("filter.invert", -I3, (1, 1, 1), False, lambda x: 1 - x)
linear_op("filter.sepia", np.array(SEPIA), (0, 0, 0), False)
pillow_point("adjust.gamma", lambda x: np.maximum(x, 0) ** (1 / GAMMA))
pillow_point("filter.solarize", lambda x: np.where(x > SOLARIZE, 1 - x, x))


@peer("adjust.saturation", "pillow")
def _(d):
    from PIL import ImageEnhance
    im = d.pil()
    return (lambda: ImageEnhance.Color(im).enhance(SATURATION)), "ImageEnhance.Color (blend with the grey image)"


@peer("filter.sepia", "pillow")
def _(d):
    im = d.pil()
    matrix = tuple(v for row in SEPIA for v in (*row, 0))
    alpha = im.getchannel("A")

    def run():
        out = im.convert("RGB", matrix)
        out.putalpha(alpha)
        return out
    return run, "Image.convert('RGB', matrix) + putalpha"


@peer("adjust.gamma", "opencv")
def _(d):
    dst = d.like()
    if not d.f32:
        t = lut4(d, lambda x: x ** (1 / GAMMA))
        return (lambda: cv2.LUT(d.src, t, dst)), "cv2.LUT"
    return (lambda: cv2.pow(d.src, 1 / GAMMA, dst)), "cv2.pow"


@peer("filter.solarize", "opencv")
def _(d):
    dst = d.like()
    if not d.f32:
        t = lut4(d, lambda x: np.where(x > SOLARIZE, 1 - x, x))
        return (lambda: cv2.LUT(d.src, t, dst)), "cv2.LUT"
    inv, mask = d.like(), np.empty(d.src.shape, bool)

    def run():
        np.subtract(1, d.src, out=inv)
        np.greater(d.src, SOLARIZE, out=mask)
        mask[..., 3] = False
        np.copyto(dst, d.src)
        np.copyto(dst, inv, where=mask)
        return dst
    return run, "numpy where (OpenCV has no solarize)"


@peer("adjust.hue", "opencv")
def _(d):
    hsv, h, rgb, dst = d.like(3), d.like(1), d.like(3), d.like()
    shift = np.array([(i + int(HUE / 2)) % 180 for i in range(256)], np.uint8)

    def run():
        cv2.cvtColor(d.src, cv2.COLOR_RGBA2RGB, rgb)
        cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV, hsv)
        cv2.extractChannel(hsv, 0, h)
        if d.f32:
            np.add(h, HUE, out=h)
            np.fmod(h, 360, out=h)
        else:
            cv2.LUT(h, shift, h)
        cv2.insertChannel(h, hsv, 0)
        cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB, rgb)
        return cv2.cvtColor(rgb, cv2.COLOR_RGB2RGBA, dst)
    return run, "cv2.cvtColor to HSV, H shifted (f32: numpy; u8: cv2.LUT, H in 0..179), back to RGBA"


@peer("adjust.hue", "pillow")
def _(d):
    im = d.pil()
    alpha = im.getchannel("A")
    table = [(i + round(HUE / 360 * 256)) % 256 for i in range(256)]

    def run():
        h, s, v = im.convert("RGB").convert("HSV").split()
        out = Image.merge("HSV", (h.point(table), s, v)).convert("RGB")
        out.putalpha(alpha)
        return out
    return run, "convert('HSV'), H through point(), convert('RGB') + putalpha"


@peer("filter.threshold", "opencv")
def _(d):
    gray, bw, alpha, dst = d.like(1), d.like(1), d.like(1), d.like()

    def run():
        cv2.cvtColor(d.src, cv2.COLOR_RGBA2GRAY, gray)
        cv2.threshold(gray, THRESHOLD * d.one - (0 if d.f32 else 0.5), d.one, cv2.THRESH_BINARY, bw)
        cv2.extractChannel(d.src, 3, alpha)
        return cv2.merge([bw, bw, bw, alpha], dst)
    return run, "cv2.cvtColor(RGBA2GRAY) + cv2.threshold + cv2.merge with the alpha"


@peer("filter.threshold", "pillow")
def _(d):
    im = d.pil()
    table = [255 if i >= THRESHOLD * 255 else 0 for i in range(256)]
    alpha = im.getchannel("A")

    def run():
        bw = im.convert("L").point(table)
        return Image.merge("RGBA", (bw, bw, bw, alpha))
    return run, "convert('L').point(table) + Image.merge with the alpha"


# ---------------------------------------------------------------- 3x3 filters

@peer("filter.sharpen", "opencv")
def _(d):
    dst = d.like()

    def run():
        cv2.filter2D(d.src, -1, SHARPEN, dst, borderType=cv2.BORDER_REPLICATE)
        if d.f32:
            clamp01(dst)
        return dst
    return run, "cv2.filter2D(3x3, BORDER_REPLICATE)" + (" + clamp (cv2.threshold)" if d.f32 else "")


@peer("filter.sharpen", "pillow")
def _(d):
    im = d.pil()
    k = ImageFilter.Kernel((3, 3), [float(v) for v in SHARPEN.flatten()], scale=1)
    return (lambda: im.filter(k)), "ImageFilter.Kernel(3x3)"


@peer("filter.sobel", "opencv")
def _(d):
    dst = d.like()
    if d.f32:
        gx, gy, ones = d.like(), d.like(), np.ones((d.h, d.w), np.float32)

        def run():
            cv2.Sobel(d.src, cv2.CV_32F, 1, 0, gx, 3, borderType=cv2.BORDER_REPLICATE)
            cv2.Sobel(d.src, cv2.CV_32F, 0, 1, gy, 3, borderType=cv2.BORDER_REPLICATE)
            cv2.magnitude(gx, gy, dst)
            return cv2.insertChannel(ones, dst, 3)
        return run, "cv2.Sobel x and y + cv2.magnitude, alpha set to 1"
    gx, gy = d.like(dtype=np.int16), d.like(dtype=np.int16)
    ax, ay = d.like(), d.like()

    def run8():
        cv2.Sobel(d.src, cv2.CV_16S, 1, 0, gx, 3, borderType=cv2.BORDER_REPLICATE)
        cv2.Sobel(d.src, cv2.CV_16S, 0, 1, gy, 3, borderType=cv2.BORDER_REPLICATE)
        cv2.convertScaleAbs(gx, ax)
        cv2.convertScaleAbs(gy, ay)
        return cv2.addWeighted(ax, 0.5, ay, 0.5, 0, dst)
    return run8, "cv2.Sobel to int16 + |gx|/2 + |gy|/2 (OpenCV's tutorial recipe)"


@peer("filter.sobel", "pillow")
def _(d):
    raise Skip("Pillow has no Sobel filter (FIND_EDGES is a Laplacian)")


@peer("filter.emboss", "opencv")
def _(d):
    dst, ones = d.like(), np.full((d.h, d.w), d.one, d.src.dtype)

    def run():
        cv2.filter2D(d.src, -1, EMBOSS, dst, delta=0.5 * d.one, borderType=cv2.BORDER_REPLICATE)
        return cv2.insertChannel(ones, dst, 3)
    return run, "cv2.filter2D(3x3, delta 0.5, BORDER_REPLICATE), alpha set to 1"


@peer("filter.emboss", "pillow")
def _(d):
    im = d.pil()
    return (lambda: im.filter(ImageFilter.EMBOSS)), "ImageFilter.EMBOSS"


# ---------------------------------------------------------------- resize and transform

def resize_entry(name, cv_flag, pil_name):
    @peer(name, "opencv")
    def _(d):
        dst = d.like(shape=(600, 800))
        return (lambda: cv2.resize(d.src, (800, 600), dst, interpolation=getattr(cv2, cv_flag))), \
            "cv2.resize(%s)" % cv_flag

    @peer(name, "pillow")
    def _(d):
        im = d.pil()
        flag = getattr(getattr(Image, "Resampling", Image), pil_name)
        return (lambda: im.resize((800, 600), flag)), "Image.resize(%s; antialiased)" % pil_name


resize_entry("resize.bilinear 800x600", "INTER_LINEAR", "BILINEAR")
resize_entry("resize.lanczos 800x600", "INTER_LANCZOS4", "LANCZOS")


@peer("transform.rotate 35 expand", "opencv")
def _(d):
    a = math.radians(35)
    nw = int(d.w * abs(math.cos(a)) + d.h * abs(math.sin(a)))
    nh = int(d.w * abs(math.sin(a)) + d.h * abs(math.cos(a)))
    m = cv2.getRotationMatrix2D((d.w / 2 - 0.5, d.h / 2 - 0.5), -35, 1.0)
    m[0, 2] += nw / 2 - d.w / 2
    m[1, 2] += nh / 2 - d.h / 2
    dst = d.like(shape=(nh, nw))
    return (lambda: cv2.warpAffine(d.src, m, (nw, nh), dst, cv2.INTER_LINEAR, cv2.BORDER_CONSTANT, 0)), \
        "cv2.warpAffine(INTER_LINEAR) onto the expanded canvas"


@peer("transform.rotate 35 expand", "pillow")
def _(d):
    im = d.pil()
    flag = getattr(getattr(Image, "Resampling", Image), "BILINEAR")
    return (lambda: im.rotate(-35, flag, expand=True)), "Image.rotate(-35, BILINEAR, expand=True)"


@peer("transform.flip", "opencv")
def _(d):
    dst = d.like()
    return (lambda: cv2.flip(d.src, 1, dst)), "cv2.flip(1)"


@peer("transform.flip", "pillow")
def _(d):
    im = d.pil()
    flag = getattr(getattr(Image, "Transpose", Image), "FLIP_LEFT_RIGHT")
    return (lambda: im.transpose(flag)), "Image.transpose(FLIP_LEFT_RIGHT)"


def crop_box(d):
    s = 512
    if d.w < s or d.h < s:
        raise Skip("the image is smaller than 512x512")
    x, y = (d.w - s) // 2, (d.h - s) // 2
    return x, y, s


@peer("transform.crop 512x512", "opencv")
def _(d):
    x, y, s = crop_box(d)
    dst = d.like(shape=(s, s))
    return (lambda: np.copyto(dst, d.src[y:y + s, x:x + s]) or dst), "np.copyto(dst, src[y:y+512, x:x+512])"


@peer("transform.crop 512x512", "pillow")
def _(d):
    x, y, s = crop_box(d)
    im = d.pil()
    return (lambda: im.crop((x, y, x + s, y + s))), "Image.crop(box)"


# ---------------------------------------------------------------- checks against the formulas

def luma(c):
    return c[..., 0] * LUMA[0] + c[..., 1] * LUMA[1] + c[..., 2] * LUMA[2]


def rgb_map(f):
    def ref(src, ov):
        out = src.copy()
        out[..., :3] = f(src[..., :3], src)
        return out
    return ref


def blend_ref(src, ov):
    a_s, a_b = ov[..., 3:], src[..., 3:]
    a_o = a_s + a_b * (1 - a_s)
    out = np.empty_like(src)
    out[..., :3] = (ov[..., :3] * a_s + src[..., :3] * a_b * (1 - a_s)) / a_o
    out[..., 3:] = a_o
    return out


CHECKS = {
    "adjust.brightness": rgb_map(lambda c, s: np.clip(c + BRIGHTNESS, 0, 1)),
    "adjust.contrast": rgb_map(lambda c, s: np.clip((c - 0.5) * CONTRAST + 0.5, 0, 1)),
    "adjust.saturation": rgb_map(lambda c, s: np.clip(luma(c)[..., None] + (c - luma(c)[..., None]) * SATURATION,
                                                       0, 1)),
    "adjust.gamma": rgb_map(lambda c, s: np.maximum(c, 0) ** (1 / GAMMA)),
    "filter.invert": rgb_map(lambda c, s: 1 - c),
    "filter.sepia": rgb_map(lambda c, s: c @ np.array(SEPIA).T),
    "convert.floatToU8": lambda src, ov: src,
    "convert.u8ToFloat": lambda src, ov: src,
    "blend.normal": blend_ref,
}


def check(name, library, dtype):
    """Runs the implementation on 7x5 pixels and compares it with the formula; returns a problem or None."""
    ref = CHECKS.get(name)
    if ref is None:
        return None
    d = Data(7, 5, dtype)
    run, _ = ENTRIES[name][library](d)
    got = np.asarray(run())
    eight_bit = got.dtype == np.uint8
    as_float = lambda a: a.astype(np.float64) / (255.0 if a.dtype == np.uint8 else 1.0)
    got = as_float(got)
    want = ref(as_float(d.src), as_float(d.ov))
    if eight_bit:
        want = np.clip(want, 0, 1)  # 8-bit results saturate
    tolerance = 2.5 / 255 if eight_bit or not d.f32 else 1e-4
    diff = float(np.max(np.abs(got - want))) if got.shape == want.shape else float("inf")
    if diff > tolerance:
        return "result differs from the formula on a test image (max diff %.4g): not timed" % diff
    return None


# ---------------------------------------------------------------- main

def sizes(text):
    out = []
    for part in text.split(","):
        m = re.fullmatch(r"(\d+)x(\d+)", part.strip())
        if not m:
            raise argparse.ArgumentTypeError("sizes must be WIDTHxHEIGHT,..., got %r" % text)
        out.append((int(m.group(1)), int(m.group(2))))
    return out


def measure(run, reps, warmup):
    for _ in range(warmup):
        run()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=sizes, default=os.environ.get("JIMAGECUDA_BENCH_SIZES", "3840x2160,1920x1080"),
                   help="WxH,... (default: $JIMAGECUDA_BENCH_SIZES, set by bench ops --peers-cmd, else "
                        "3840x2160,1920x1080)")
    p.add_argument("--reps", type=int, default=int(os.environ.get("JIMAGECUDA_BENCH_REPS", "10")),
                   help="timed calls per measurement (default: $JIMAGECUDA_BENCH_REPS, else 10)")
    p.add_argument("--warmup", type=int, default=2, help="untimed calls first (default: 2)")
    p.add_argument("--only", metavar="REGEX", help="only the entries whose name matches")
    p.add_argument("--list", action="store_true", help="list the entries and libraries, then exit")
    args = p.parse_args(argv)
    if isinstance(args.sizes, str):
        args.sizes = sizes(args.sizes)
    if args.reps < 1 or args.warmup < 0:
        p.error("--reps must be at least 1 and --warmup at least 0")

    names = [n for n in ENTRIES if not args.only or re.search(args.only, n)]
    if args.list:
        for n in names:
            print("%-28s %s" % (n, ", ".join(sorted(ENTRIES[n]))))
        return 0
    for lib, why in UNAVAILABLE.items():
        print("bench_peers.py: %s is not available, its entries are left out: %s" % (lib, why), file=sys.stderr)

    libraries = [("opencv", "u8"), ("opencv", "f32"), ("pillow", "u8")]
    available = {"opencv": cv2 is not None, "pillow": Image is not None}
    results = []
    for w, h in args.sizes:
        for library, dtype in libraries:
            if not available[library]:
                continue
            data = None
            for name in names:
                setup = ENTRIES[name].get(library)
                if setup is None:
                    continue
                result = {"entry": name, "size": "%dx%d" % (w, h), "library": library, "dtype": dtype}
                try:
                    problem = check(name, library, dtype)
                    if problem:
                        raise Skip(problem)
                    data = data or Data(w, h, dtype)
                    run, impl = setup(data)
                    result["ms"] = float("%.4g" % measure(run, args.reps, args.warmup))
                    result["impl"] = impl
                    print("bench_peers.py: %s %s %s at %dx%d: %.3f ms" % (name, library, dtype, w, h, result["ms"]),
                          file=sys.stderr)
                except NotApplicable:
                    continue
                except Skip as e:
                    result["ms"], result["skipped"] = None, str(e)
                except Exception as e:  # an API a version lacks: report it, keep going
                    result["ms"], result["skipped"] = None, "error: %s: %s" % (type(e).__name__,
                                                                               str(e).strip().splitlines()[0]
                                                                               if str(e).strip() else "")
                if result["ms"] is None:
                    print("bench_peers.py: %s %s %s at %dx%d skipped: %s" % (name, library, dtype, w, h,
                                                                            result["skipped"]), file=sys.stderr)
                results.append(result)
            data = None

    versions = {"python": platform.python_version(), "numpy": np.__version__}
    if cv2 is not None:
        versions["opencv"] = cv2.__version__
    if PIL is not None:
        versions["pillow"] = PIL.__version__
    out = {"versions": versions, "unavailable": UNAVAILABLE, "reps": args.reps, "warmup": args.warmup,
           "results": results}
    if cv2 is not None:
        out["opencv_threads"] = cv2.getNumThreads()
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
