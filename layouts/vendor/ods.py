"""Vendor the Ontario Design System into layouts/static/ods/ (run by `make vendor-ods`).

Takes the pinned npm packages' compiled CSS (global styles, plus the button, page alert,
callout and table components), keeps only woff2/woff fonts for Open Sans and Raleway, points
the font URLs at the vendored files, and writes the licence and version beside them, so a
build needs no Node.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "4.2.0"
GLOBAL = "@ongov/ontario-design-system-global-styles"
COMPONENTS = "@ongov/ontario-design-system-component-library"
COMPONENT_CSS = ("ontario-button", "ontario-page-alert", "ontario-callout", "ontario-table")
FONTS = ("open-sans-400", "open-sans-400--italic", "open-sans-600", "open-sans-700",
         "raleway-modified-700")
TARGET = Path(__file__).resolve().parent.parent / "static" / "ods"
FONT_FACE = re.compile(r"@font-face\s*{[^}]*}")


def unpack(package: str, into: Path) -> Path:
    """npm pack one pinned package and unpack it; returns its folder."""
    subprocess.run(["npm", "pack", f"{package}@{VERSION}", "--silent"], cwd=into, check=True,
                   stdout=subprocess.DEVNULL)
    archive = next(into.glob("*" + package.split("/")[1] + "-*.tgz"))
    folder = into / archive.stem
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder / "package"


def font_face(block: str) -> str:
    """One @font-face rule with woff2/woff sources only, or "" for fonts not vendored."""
    urls = re.findall(r'url\("\.\./fonts/([^"]+?\.(?:woff2|woff))"\)', block)
    kept = [u for u in urls if u.split("/")[0] in FONTS]
    if not kept:
        return ""
    sources = ", ".join(f'url("fonts/{u.split("/")[1]}") format("{u.rsplit(".", 1)[1]}")'
                        for u in kept)
    head = re.sub(r"\s*src:[^;]*;", "", block).rstrip("}").rstrip()
    return f"{head}\n  src: {sources};\n}}"


def main() -> None:
    """Fetch, trim and write the vendored design system."""
    with tempfile.TemporaryDirectory() as temp:
        base, parts = unpack(GLOBAL, Path(temp)), unpack(COMPONENTS, Path(temp))
        fonts = (base / "dist/misc/ontario-design-system-fonts.css").read_text()
        css = "\n".join(font_face(rule) for rule in FONT_FACE.findall(fonts) if font_face(rule))
        theme = (base / "dist/styles/css/compiled/ontario-theme.min.css").read_text()
        css += "\n" + FONT_FACE.sub("", theme)
        for name in COMPONENT_CSS:
            component = (parts / f"dist/collection/components/{name}/{name}.css").read_text()
            css += "\n" + FONT_FACE.sub("", component)
        shutil.rmtree(TARGET, ignore_errors=True)
        (TARGET / "fonts").mkdir(parents=True)
        for font in FONTS:
            for file in (base / "dist/fonts" / font).glob("*.woff*"):
                shutil.copyfile(file, TARGET / "fonts" / file.name)
        for font in ("open-sans-400", "raleway-modified-700"):
            shutil.copyfile(base / "dist/fonts" / font / "LICENSE.txt",
                            TARGET / "fonts" / f"LICENSE-{font.rsplit('-', 1)[0]}.txt")
        header = (f"/* Ontario Design System {VERSION} ({GLOBAL}, {COMPONENTS}: "
                  + ", ".join(COMPONENT_CSS) + "). Apache-2.0; see LICENSE. */\n")
        (TARGET / "ods.css").write_text(header + css)
        shutil.copyfile(base / "LICENSE", TARGET / "LICENSE")
        (TARGET / "VERSION").write_text(f"{GLOBAL} {VERSION}\n{COMPONENTS} {VERSION}\n")
    print(f"Vendored Ontario Design System {VERSION} into {TARGET}", file=sys.stderr)


if __name__ == "__main__":
    main()
