"""The HTML brief in a real browser: headless Chromium renders it to a non-trivial image.

Skipped where Chromium is not installed (Debian: apt-get install chromium fonts-noto-cjk).
"""

import shutil
import struct
import subprocess
import zlib

import pytest

from brief.render import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def png_pixels(path):
    """(width, height, raw scanlines) of an 8-bit RGB(A) PNG, read with zlib alone."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return width, height, zlib.decompress(idat)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_brief_renders_in_headless_chromium(sample_brief, config, tmp_path):
    page = tmp_path / "brief.html"
    page.write_text(render(sample_brief, "html", config), encoding="utf-8")
    shot = tmp_path / "brief.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--window-size=400,1400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=90, check=True,
    )
    width, height, raw = png_pixels(shot)
    assert (width, height) == (400, 1400)  # a phone-width viewport
    # Not a blank page: many distinct byte values, and plenty of dark (text) pixels.
    assert len(set(raw)) > 100
    dark = sum(1 for value in raw[::7] if value < 80)
    assert dark > 500
