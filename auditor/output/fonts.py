"""A font with Chinese glyphs for charts, from the system.

Charts name bodies and elements in Chinese; matplotlib's default DejaVu Sans has no CJK
glyphs and would draw empty boxes. The font is the system's: Noto Sans CJK (Debian/Ubuntu
`fonts-noto-cjk`, which `.ci/run` installs), Source Han Sans, WenQuanYi, or the one every
desktop system has (Microsoft YaHei, SimHei, PingFang SC, Hiragino Sans GB). When none is
installed, drawing stops with FontMissing, whose message says what to install; the pages and
the workbook are still written, without charts.
"""
from __future__ import annotations

from functools import cache

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
                "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB")
_FILE_HINTS = ("notosanscjk", "notosanssc", "sourcehansans", "wqy", "msyh", "simhei", "pingfang", "hiragino")
MISSING = ("未找到含中文字形的字体，无法绘制图表（网页和工作簿照常生成）：请安装 Noto Sans CJK 字体，"
           "Debian/Ubuntu 上为 sudo apt-get install fonts-noto-cjk；或安装思源黑体、文泉驿等任一中文字体")


class FontMissing(RuntimeError):
    """No font with Chinese glyphs is installed (the message says what to install, in Chinese)."""


@cache
def cjk_family(families: tuple[str, ...] = CJK_FAMILIES) -> str:
    """The first installed CJK family matplotlib knows; FontMissing when there is none."""
    from matplotlib import font_manager

    for attempt in range(2):
        installed = {font.name for font in font_manager.fontManager.ttflist}
        for family in families:
            if family in installed:
                return family
        if attempt == 0:  # matplotlib's font list is cached from its first run: look at the files now there
            for path in font_manager.findSystemFonts():
                if any(hint in path.lower().replace("-", "").replace("_", "") for hint in _FILE_HINTS):
                    font_manager.fontManager.addfont(path)
    raise FontMissing(MISSING)


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
