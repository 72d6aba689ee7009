"""The HTML brief in a real browser: headless Chromium renders it at a phone's and a desktop's width.

``.ci/run`` installs Debian's chromium when it is missing and sets BRIEF_REQUIRE_CHROMIUM=1, so in CI
this test runs and cannot skip; elsewhere it is skipped without Chromium
(Debian: apt-get install chromium fonts-noto-cjk).
"""

import os
import shutil
import struct
import subprocess
import zlib

import pytest

from brief.deliver.rendering import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("BRIEF_REQUIRE_CHROMIUM") == "1"
DARK = 110  # a channel value below this is text or a heading, not the page's light backgrounds


def png_rows(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG, read with zlib alone."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6), (depth, color)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):  # undo the per-row filters (PNG spec, section 9)
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def dark_columns(rows):
    """The x positions where any pixel is dark (text)."""
    return {x for row in rows for x, pixel in enumerate(row) if min(pixel) < DARK}


def shoot(html_path, tmp_path, width, height):
    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("BRIEF_REQUIRE_CHROMIUM=1 but chromium is not installed")
        pytest.skip("chromium is not installed")
    shot = tmp_path / f"brief-{width}.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={width},{height}", f"--screenshot={shot}", html_path.as_uri()],
        capture_output=True, timeout=120, check=True,
    )
    return png_rows(shot)


@pytest.fixture
def page(sample_brief, config, tmp_path):
    path = tmp_path / "brief.html"
    path.write_text(render(sample_brief, "html", config), encoding="utf-8")
    return path


def test_phone_width_fits_without_cutting_text(page, tmp_path):
    width, height, rows = shoot(page, tmp_path, 390, 1400)
    assert (width, height) == (390, 1400)
    columns = dark_columns(rows)
    assert len(columns) > 200  # text across the width: not a blank page
    # The 16 px padding stays clear on both sides: nothing runs past the screen's edge.
    assert not columns & set(range(0, 8)) and not columns & set(range(width - 8, width))


def test_desktop_width_is_one_centred_readable_column(page, tmp_path):
    width, height, rows = shoot(page, tmp_path, 1280, 1000)
    assert (width, height) == (1280, 1000)
    columns = dark_columns(rows)
    assert columns, "blank page"
    # max-width 640 px, centred: text only inside the middle column, with margins on both sides.
    left, right = min(columns), max(columns)
    assert left >= (width - 640) // 2 and right < (width + 640) // 2
    assert right - left > 400  # and it uses that column
