"""Deterministic hostile inputs for the fuzz suite: every class of issue #10, made from the
project's own sample reports (tests/fixtures/formats) and from scratch.

`inputs()` yields the same list of `Input`s on every run (one seeded generator per class); an
input is a file name (bytes: names need not be UTF-8), its content and its class.
"""
from __future__ import annotations

import io
import random
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable, Iterator

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
SEED = 20261203

# A small report written here (not taken from any real one), for inputs made from scratch.
SCRATCH = """青石县白沙乡{year}年政府信息公开工作年度报告
本报告依据《中华人民共和国政府信息公开条例》编制。
一、总体情况
{year}年，我乡认真做好政府信息公开工作。
二、主动公开政府信息情况
制发件数\t{a}\t废止件数\t{b}
三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请数量\t{c}\t0\t0\t0\t0\t0\t{c}
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
本年度未收取信息处理费。
"""


@dataclass(frozen=True)
class Input:
    name: bytes  # file name (no folder); need not be UTF-8
    data: bytes
    kind: str  # the class of hostility, for the counts


def inputs() -> list[Input]:
    """Every input of the suite, in a fixed order."""
    result: list[Input] = []
    for kind, make in _CLASSES:
        rng = random.Random(f"{SEED}:{kind}")
        result += [Input(name, data, kind) for name, data in make(rng)]
    return result


# ---------------------------------------------------------------- helpers


@cache
def _samples(suffix: str) -> tuple[tuple[str, bytes], ...]:
    return tuple((p.stem, p.read_bytes()) for p in sorted(SAMPLE.glob(f"*{suffix}")))


def _text(data: bytes) -> str:
    from auditor.ingest.decode import decode_text

    return decode_text(data)[0]


def _scratch(rng: random.Random, **cells) -> str:
    values = {"year": rng.randint(2019, 2025), "a": rng.randint(0, 99), "b": rng.randint(0, 9), "c": rng.randint(0, 500)}
    return SCRATCH.format(**{**values, **cells})


def _name(stem: str, tag: str, suffix: str) -> bytes:
    return f"{stem}-{tag}{suffix}".encode()


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


# ---------------------------------------------------------------- from the sample reports


def _byte_flips(rng):
    for suffix in (".txt", ".html", ".docx", ".pdf"):
        for stem, data in _samples(suffix):
            for flips in (1, 16, 256):
                mutated = bytearray(data)
                for _ in range(flips):
                    mutated[rng.randrange(len(mutated))] = rng.randrange(256)
                yield _name(stem, f"flip{flips}", suffix), bytes(mutated)


def _truncations(rng):
    for suffix in (".txt", ".html", ".docx", ".pdf"):
        for stem, data in _samples(suffix):
            yield _name(stem, "cut", suffix), data[: rng.randrange(1, len(data))]
            junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4096)))
            at = rng.randrange(len(data))
            yield _name(stem, "junk", suffix), data[:at] + junk + data[at:]


def _encodings(rng):
    for stem, data in _samples(".txt"):
        text = _text(data)
        lone = text.encode("utf-16-le")
        at = rng.randrange(len(lone) // 2) * 2
        yield _name(stem, "utf16odd", ".txt"), text.encode("utf-16-le") + b"\x41"
        yield _name(stem, "utf16be", ".txt"), text.encode("utf-16-be")
        yield _name(stem, "utf16lone", ".txt"), lone[:at] + b"\x00\xdc" + lone[at:]
        yield _name(stem, "utf16bomlone", ".txt"), b"\xff\xfe" + lone[:at] + b"\x00\xd8" + lone[at:]
        yield _name(stem, "utf32", ".txt"), text.encode("utf-32")
        yield _name(stem, "gb18030", ".txt"), text.encode("gb18030")
        yield _name(stem, "cr", ".txt"), text.replace("\n", "\r").encode("utf-8")
        yield _name(stem, "crlfmix", ".txt"), "".join(
            line + rng.choice(("\n", "\r\n", "\r")) for line in text.split("\n")).encode("utf-8")
        yield _name(stem, "controls", ".txt"), "".join(
            ch + (chr(rng.randrange(1, 32)) if rng.random() < 0.02 else "") for ch in text).encode("utf-8")


def _numbers(rng):
    for stem, data in _samples(".txt"):
        text = _text(data)
        digits = rng.choice((16, 40, 5000, 20000))
        yield _name(stem, f"digits{digits}", ".txt"), text.replace("\t0", "\t" + "9" * digits, 1).encode("utf-8")
        yield _name(stem, "glued", ".txt"), text.replace("\t0\t", "\t" + "1" * rng.randrange(20, 400) + "\t", 3).encode("utf-8")
        yield _name(stem, "claim", ".txt"), text.replace("。", f"，共收到申请{'8' * 6000}件。", 1).encode("utf-8")


def _web_pages(rng):
    for stem, data in _samples(".html"):
        page = _text(data)
        head, _, tail = page.partition("<body>")
        depth = rng.choice((300, 3000, 12000))
        yield _name(stem, f"deep{depth}", ".html"), (head + "<body>" + "<div>" * depth + tail).encode("utf-8")
        span = rng.choice((200, 1000, 100000))
        cells = f'<td rowspan="{span}" colspan="{span}">1</td>' * rng.randrange(20, 80)
        yield _name(stem, "spans", ".html"), page.replace("</body>", f"<table><tr>{cells}</tr></table></body>").encode("utf-8")
        yield _name(stem, "spanattr", ".html"), page.replace("<td", '<td rowspan="x" colspan="1e9"', 5).encode("utf-8")
        laughs = '<!DOCTYPE html [<!ENTITY a "哈哈哈哈哈哈哈哈">' + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>"
        yield _name(stem, "laughs", ".html"), (laughs + page.replace("</body>", "<p>&i;</p></body>")).encode("utf-8")
        yield _name(stem, "wall", ".html"), page.replace("</body>", "<p>" + "政务公开" * 250_000 + "</p></body>").encode("utf-8")
        yield _name(stem, "wide", ".html"), page.replace("</body>", "<table><tr>" + "<td>0</td>" * 20000 + "</tr></table></body>").encode("utf-8")
        yield _name(stem, "attr", ".html"), page.replace("<body>", '<body class="' + "x" * 2_000_000 + '">').encode("utf-8")
        script = "<script>alert(1)</script><img src=x onerror=alert(2)>\u202e$x^2$=SUM(A1)"
        yield _name(stem, "inject", ".html"), page.replace("</body>", f"<p>{script}</p></body>").encode("utf-8")


def _word(rng):
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    strict_rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   b'<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" '
                   b'Target="word/document.xml"/></Relationships>')
    for number, (stem, data) in enumerate(_samples(".docx")):
        parts = _parts(data)
        document = parts["word/document.xml"]
        for missing in ("word/document.xml", "word/styles.xml", "word/numbering.xml", "_rels/.rels",
                        "[Content_Types].xml", "word/_rels/document.xml.rels"):
            yield _name(stem, "no-" + missing.replace("/", "_"), ".docx"), _zip({k: v for k, v in parts.items() if k != missing})
        variants = {
            "nobody": f'<?xml version="1.0"?><w:document {w}></w:document>'.encode(),
            "otherroot": f'<?xml version="1.0"?><w:settings {w}><w:body/></w:settings>'.encode(),
            "brokenxml": document[: len(document) // 2],
            "entity": document.replace(b"<w:document", b'<!DOCTYPE w:document [<!ENTITY e "x">]><w:document', 1)
                              .replace(b"</w:t>", b"&e;</w:t>", 20),
            "span": document.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="%d"/>' % rng.choice((0, -3, 999, 10 ** 9)), 8),
            "spantext": document.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="two"/><w:vMerge w:val="maybe"/>', 8),
            "numattr": document.replace(b'w:ilvl w:val="0"', b'w:ilvl w:val="x"'),
        }
        for tag, xml in variants.items():
            yield _name(stem, tag, ".docx"), _zip({**parts, "word/document.xml": xml})
        if "word/numbering.xml" in parts:
            start = rng.choice((98, 100, -5, 10 ** 12))
            numbering = parts["word/numbering.xml"].replace(b'<w:start w:val="1"/>', b'<w:start w:val="%d"/>' % start)
            yield _name(stem, f"start{start}", ".docx"), _zip({**parts, "word/numbering.xml": numbering})
        yield _name(stem, "strict", ".docx"), _zip({**parts, "_rels/.rels": strict_rels})
        if number % 6 == 0:  # a bomb takes a second to build: six of them
            yield _name(stem, "bomb", ".docx"), _bomb_docx(data)
        yield _name(stem, "notdocx", ".docx"), _zip({"a.txt": b"hello"})


def _bomb_docx(original: bytes) -> bytes:
    """A docx whose package inflates to 120 MiB (a part of zeros), a few hundred KB on disk."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in _parts(original).items():
            package.writestr(name, data)
        package.writestr("word/media/padding.bin", b"\0" * (120 * 1024 * 1024))
    return buffer.getvalue()


def _pdfs(rng):
    for stem, data in _samples(".pdf"):
        yield _name(stem, "noxref", ".pdf"), data.replace(b"xref", b"xxxx")
        yield _name(stem, "noeof", ".pdf"), data.replace(b"%%EOF", b"")
        yield _name(stem, "headonly", ".pdf"), data[:1024] + b"\n%%EOF\n"
        yield _name(stem, "garbage", ".pdf"), b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(4096)) + b"\n%%EOF\n"


# ---------------------------------------------------------------- from scratch


def _scratch_files(rng):
    for size in (1, 7, 100, 4096, 65536):
        for n in range(6):
            noise = bytes(rng.randrange(256) for _ in range(size))
            yield f"noise{size}-{n}{rng.choice(('.txt', '.html', '.pdf', '.docx'))}".encode(), noise
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\t\r\n"), ("bomonly.txt", b"\xef\xbb\xbf"),
                       ("nul.txt", b"\0" * 1000), ("utf16bom.txt", b"\xff\xfe"), ("pdfheader.pdf", b"%PDF-"),
                       ("zipheader.docx", b"PK\x03\x04"), ("ole.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 600),
                       ("emptyzip.docx", _zip({})), ("dirzip.docx", _zip({"word/": b""}))):
        yield name.encode(), data
    for n in range(3):
        yield f"huge{n}.txt".encode(), (_scratch(rng) + "附：说明。\n" * 300_000).encode("utf-8")
        yield f"paragraph{n}.txt".encode(), _scratch(rng).replace("。\n二", "政务公开" * 250_000 + "。\n二").encode("utf-8")
        yield f"lines{n}.txt".encode(), (_scratch(rng) + "\n" * 2_000_000).encode("utf-8")
    for n in range(10):
        yield f"digits{n}.txt".encode(), _scratch(rng, c="9" * rng.choice((16, 100, 4300, 5000, 100000))).encode("utf-8")
    links = "".join(f'<li><a href="/{i}.html">某某县{2019 + i % 6}年政府信息公开工作年度报告</a></li>' for i in range(200))
    for n in range(5):
        yield f"listing{n}.html".encode(), f"<html><body><h1>年度报告</h1><ul>{links}</ul></body></html>".encode()


def _names(rng):
    """A good small report under hostile file names."""
    stems = [b"\xff\xfe\xb1\xa8", b"caf\xe9", "$\\frac{1}{0}$乡".encode(), "$x^{$镇".encode(), b"=HYPERLINK(\"x\")",
             b"+cmd|' /C calc'!A0", b"-2+3", b"@SUM(A1)", "\u202e县乡\u202c".encode(), "\u2066机关\u2069".encode(),
             "<script>alert(1)</script>".encode(), b"..", ("名" * 80).encode(), b"con", b"a\tb", b"line\nbreak",
             b"%00null", b"\\windows\\path"]
    for stem in stems:
        for suffix in (b".txt", b".html"):
            text = _scratch(rng)
            data = text.encode("utf-8") if suffix == b".txt" else (
                "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>").encode()
            yield stem[:200] + suffix, data


def _scratch_word(rng):
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for count in (99, 100, 150, 1000):
        numbered = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                           f"<w:r><w:t>条目{i}</w:t></w:r></w:p>" for i in range(count))
        body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in _scratch(rng).splitlines())
        yield f"numbered{count}.docx".encode(), _word_package(
            f'<?xml version="1.0"?><w:document {w}><w:body>{body}{numbered}</w:body></w:document>',
            f'<?xml version="1.0"?><w:numbering {w}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{rng.choice((1, 95, -3))}"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
            '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def _word_package(document: str, numbering: str) -> bytes:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return _zip({
        "[Content_Types].xml": ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                '<Default Extension="xml" ContentType="application/xml"/>'
                                f'<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>'
                                f'<Override PartName="/word/numbering.xml" ContentType="{main}.numbering+xml"/></Types>').encode(),
        "_rels/.rels": ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>').encode(),
        "word/_rels/document.xml.rels": ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                         f'<Relationship Id="rId9" Type="{rel}/numbering" Target="numbering.xml"/></Relationships>').encode(),
        "word/document.xml": document.encode(),
        "word/numbering.xml": numbering.encode(),
    })


def _scratch_pdfs(rng):
    for inflated in (2, 8):
        yield f"streambomb{inflated}.pdf".encode(), _stream_pdf(b"0 0 m\n" * (inflated * 1024 * 1024 // 6))
    yield b"manypages.pdf", _pages_pdf(rng.choice((301, 400)))


def _stream_pdf(content: bytes) -> bytes:
    """A one-page PDF whose content stream is `content`, Flate-compressed."""
    stream = zlib.compress(content, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    return _pdf(objects)


def _pages_pdf(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_CLASSES: list[tuple[str, Callable[[random.Random], Iterator[tuple[bytes, bytes]]]]] = [
    ("byte-flips", _byte_flips), ("truncated-or-junk", _truncations), ("encodings-line-ends", _encodings),
    ("numbers", _numbers), ("web-pages", _web_pages), ("word", _word), ("pdf", _pdfs),
    ("scratch", _scratch_files), ("names", _names), ("scratch-word", _scratch_word), ("scratch-pdf", _scratch_pdfs),
]
