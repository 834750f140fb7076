"""A font with Chinese glyphs for charts, found on any machine.

Charts name bodies and elements in Chinese; matplotlib's default DejaVu Sans has no CJK
glyphs and would draw empty boxes. The font comes, in order of preference, from the system
(Noto Sans CJK / Source Han Sans / WenQuanYi, e.g. Debian's fonts-noto-cjk) or from the
`manimgx-fonts-cjk` wheel, a dependency of the project, so a fresh `pip install` has one.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

_SYSTEM_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei",
                    "WenQuanYi Zen Hei")
_PACKAGED_FAMILY = "Noto Sans CJK SC"


class FontMissing(RuntimeError):
    """No font with Chinese glyphs could be found (the message is in Chinese)."""


def _packaged_font() -> Path | None:
    try:
        import manimgx_fonts_cjk
    except ImportError:
        return None
    found = sorted(Path(manimgx_fonts_cjk.__file__).parent.glob("*.tt[cf]"))
    return found[0] if found else None


@cache
def cjk_family() -> str:
    """Register a CJK font with matplotlib and return its family name."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for family in _SYSTEM_FAMILIES:
        if family in installed:
            return family
    packaged = _packaged_font()
    if packaged is None:
        raise FontMissing("未找到含中文字形的字体：请安装 manimgx-fonts-cjk（pip）或 fonts-noto-cjk（apt）")
    font_manager.fontManager.addfont(str(packaged))
    return _PACKAGED_FAMILY


def use_cjk_font() -> str:
    """Make matplotlib draw text in the CJK font (call before drawing); returns the family.
    Text is drawn as it is, never parsed as mathtext: a body name with 「$…$」 is just text."""
    import logging

    import matplotlib

    family = cjk_family()
    matplotlib.rcParams["font.family"] = [family]
    matplotlib.rcParams["axes.unicode_minus"] = False  # CJK fonts often lack U+2212
    matplotlib.rcParams["text.parse_math"] = False
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # variable fonts: weight notices
    return family
