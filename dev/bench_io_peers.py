#!/usr/bin/env python3
"""Times OpenCV and Pillow saving and loading the picture of `jimagecuda bench io`, for the same table.

    ./jimagecuda bench io --keep /tmp/io && python3 dev/bench_io_peers.py /tmp/io/ours.png [--runs 5]

Reads the picture from the PNG that bench io wrote (lossless: the same pixels JImageCUDA encoded), then for
PNG, JPEG, WebP and TIFF times each library's save (at its default settings, and for PNG also at zlib level 4,
JImageCUDA's default) and load of its own file: the median of --runs timed calls after one untimed. Prints a
Markdown table on stdout. OpenCV runs with its own thread pool, Pillow with one thread; a library that cannot
be imported is named and skipped.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time


def median_ms(fn, runs):
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("picture", help="the PNG written by bench io --keep (ours.png)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out = tempfile.mkdtemp(prefix="bench-io-peers")
    rows = []
    try:
        import cv2
        bgra = cv2.imread(args.picture, cv2.IMREAD_UNCHANGED)
        cases = [
            ("png", "default", []),
            ("png", "level 4", [cv2.IMWRITE_PNG_COMPRESSION, 4]),
            ("jpg", "default (95)", []),
            ("jpg", "quality 75", [cv2.IMWRITE_JPEG_QUALITY, 75]),
            ("webp", "default", []),
            ("tif", "default", []),
        ]
        for ext, setting, params in cases:
            path = os.path.join(out, "opencv." + ext)
            image = bgra[:, :, :3] if ext == "jpg" else bgra
            save = median_ms(lambda: cv2.imwrite(path, image, params), args.runs)
            load = median_ms(lambda: cv2.imread(path, cv2.IMREAD_UNCHANGED), args.runs)
            rows.append(("OpenCV " + cv2.__version__, ext, setting, os.path.getsize(path) // 1024, save, load))
    except ImportError as e:
        print("bench_io_peers: OpenCV unavailable: %s" % e, file=sys.stderr)
    try:
        from PIL import Image
        import PIL
        with Image.open(args.picture) as im:
            rgba = im.convert("RGBA")
            rgba.load()
        rgb = rgba.convert("RGB")
        cases = [
            ("png", "default (level 6)", rgba, {}),
            ("png", "level 4", rgba, {"compress_level": 4}),
            ("jpg", "default (75)", rgb, {}),
            ("webp", "default (lossy 80)", rgba, {}),
            ("tif", "default (raw)", rgba, {}),
        ]
        for ext, setting, image, options in cases:
            path = os.path.join(out, "pillow." + ext)
            save = median_ms(lambda: image.save(path, **options), args.runs)

            def load():
                with Image.open(path) as im:
                    im.load()

            rows.append(("Pillow " + PIL.__version__, ext, setting, os.path.getsize(path) // 1024, save,
                         median_ms(load, args.runs)))
    except ImportError as e:
        print("bench_io_peers: Pillow unavailable: %s" % e, file=sys.stderr)
    finally:
        for f in os.listdir(out):
            os.remove(os.path.join(out, f))
        os.rmdir(out)
    print("| library | format | setting | file KB | save ms | load ms |")
    print("|---|---|---|---:|---:|---:|")
    for library, ext, setting, kb, save, load in rows:
        print("| %s | %s | %s | %d | %.0f | %.0f |" % (library, ext, setting, kb, save, load))
    print("\nmedian of %d runs after one untimed; %d cores" % (args.runs, os.cpu_count()))


if __name__ == "__main__":
    main()
