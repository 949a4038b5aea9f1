"""The whole guide as one handout: ``export_guide(guide, "html" | "md" | "txt")``. No Textual imports.

Every format is built from :func:`tui.pages.build_pages`, the Markdown the reader shows, preceded by a
title block (title, subtitle, last-reviewed date), the help-now block (every crisis line, then the
disclaimer: the target of ``#crisis`` links, on the first page of every handout) and a contents list.
Markdown is only ever parsed by markdown-it, with raw HTML off, so ``<b>`` or ``<script>`` in the content
stays text. Every handout's final text goes through :func:`tui.guide.controls.strip_unseen`, so nothing
invisible or directional reaches it, whichever field or Markdown entity (``&rlm;``) brought it.

- **md**: the pages' headings move down one level (the guide's title is the only ``#``; setext headings
  become ``##`` style). Internal links ``(#topic-id)`` are rewritten to the anchor that GitHub-style
  renderers derive from the topic's heading (lowercase, punctuation dropped, spaces to hyphens, ``-1``,
  ``-2`` for repeats), so they work inside the single file without raw HTML; ``(#crisis)`` leads to the
  help-now block. A character reference that a renderer would turn into an unseen character
  (``&#x202E;``, ``&rlm;``) is dropped: the file is made to be rendered, and then it would act.
- **html**: one self-contained file: inline CSS for screen and print, no scripts, no images and nothing
  fetched (a Content-Security-Policy forbids it as well). Each page is a ``<section id="page-id">``, so
  ``#topic-id`` links work unchanged. Links keep their ``href`` only if it is ``https://`` (then with
  ``rel="noopener noreferrer"``) or a page's ``#id``; images are replaced by their alt text.
- **txt**: the same document rendered by :mod:`tui.export_text`, wrapped to 80 columns; a ``#crisis`` link
  names the help-now block's heading.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from tui.export_text import markdown_to_text
from tui.guide import Guide
from tui.guide.controls import UNSEEN, strip_unseen
from tui.pages import Page, build_pages, escape_markdown

__all__ = ["FORMATS", "export_guide"]

FORMATS = ("html", "md", "txt")

_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
_LINK = re.compile(r"(\]\(\s*<?|^ {0,3}\[[^\]\n]+\]:\s*<?)#([a-z0-9-]+)(?=[\s>)]|$)", re.MULTILINE)


def export_guide(guide: Guide, fmt: str) -> str:
    """The guide as one document in ``fmt``: ``"html"``, ``"md"`` or ``"txt"``."""
    if fmt == "html":
        out = _html(guide)
    elif fmt == "md":
        out = _ENTITY.sub(_entity, _markdown(guide))
    elif fmt == "txt":
        pages = build_pages(guide)
        document, _ = _assemble(guide, pages)
        titles = {page.id: page.title for page in pages} | {"crisis": _help_now(guide)[1]}
        out = markdown_to_text(document, _PARSER, titles)
    else:
        raise ValueError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return strip_unseen(out)


def _reviewed(guide: Guide) -> str:
    return f"{guide.reviewed.day} {guide.reviewed:%B %Y}"


def _help_now(guide: Guide) -> tuple[str, str]:
    """The block under every handout's title, as Markdown, and its first heading: every crisis line,
    by region, then the disclaimer. It is where ``#crisis`` links lead."""
    lines = "\n".join(
        f"- **{escape_markdown(line.region)}:** {' '.join(line.contact.split())}"
        for line in guide.crisis_lines
    )
    disclaimer = f"## Please read\n\n{guide.disclaimer.strip()}\n"
    if not lines:
        return disclaimer, "Please read"
    return f"## If you need help now\n\n{lines}\n\n{disclaimer}", "If you need help now"


# Markdown


def _demote(markdown: str) -> str:
    """Move every top-level heading one level down, so ``#`` becomes ``##``; level 6 stays."""
    lines: list[str | None] = list(markdown.split("\n"))
    for token in _PARSER.parse(markdown):
        if token.type != "heading_open" or token.level != 0 or token.map is None or token.tag == "h6":
            continue
        start, end = token.map
        if token.markup.startswith("#"):
            lines[start] = "#" + (lines[start] or "").lstrip(" ")
        else:  # setext: the text lines, then the underline
            text = " ".join((line or "").strip() for line in lines[start : end - 1])
            lines[start : end - 1] = ["#" * (int(token.tag[1]) + 1) + " " + text] + [None] * (end - start - 2)
            lines[end - 1] = None
    return "\n".join(line for line in lines if line is not None)


def _assemble(guide: Guide, pages: Sequence[Page]) -> tuple[str, dict[str, int]]:
    """The whole guide as Markdown with ``#page-id`` links, and the line of each page's heading and of
    the help-now block's (``crisis``)."""
    contents = "\n".join(f"{n}. [{escape_markdown(p.title)}](#{p.id})" for n, p in enumerate(pages, 1))
    parts = [
        f"# {escape_markdown(guide.title)}\n\n*{escape_markdown(guide.subtitle)}*\\\n"
        f"Last reviewed on {_reviewed(guide)}.\n"
    ]
    starts = {"crisis": sum(part.count("\n") + 1 for part in parts)}
    parts += [_help_now(guide)[0], f"## Contents\n\n{contents}\n"]
    for page in pages:
        starts[page.id] = sum(part.count("\n") + 1 for part in parts)
        parts.append(_demote(page.markdown).rstrip("\n") + "\n")
    return "\n".join(parts), starts


def _slug(text: str, seen: dict[str, int]) -> str:
    """The id GitHub gives a heading (as github-slugger does), counting repeats in ``seen``."""
    original = slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
    while slug in seen:
        seen[original] += 1
        slug = f"{original}-{seen[original]}"
    seen[slug] = 0
    return slug


def _markdown(guide: Guide) -> str:
    document, starts = _assemble(guide, build_pages(guide))
    tokens = _PARSER.parse(document)
    seen: dict[str, int] = {}
    slugs = {
        token.map[0]: _slug(
            "".join(c.content for c in tokens[i + 1].children or [] if c.type != "image"), seen
        )
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.map
    }
    anchors = {page_id: slugs[line] for page_id, line in starts.items() if line in slugs}
    return _LINK.sub(lambda m: f"{m[1]}#{anchors.get(m[2], m[2])}", document)


_ENTITY = re.compile(r"(\\*)&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference as CommonMark reads one, after any backslashes."""


def _entity(match: re.Match[str]) -> str:
    """Nothing for a reference to an unseen character; any other, or an escaped one, as written."""
    slashes, name = match[1], match[2]
    if len(slashes) % 2:
        return match[0]  # \&rlm; shows as written
    if name[0] == "#":
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        text = chr(code) if code <= 0x10FFFF else ""
    else:
        text = html.unescape(f"&{name};")
    return slashes if UNSEEN.search(text) else match[0]


# HTML


def _link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    href = str(token.attrGet("href") or "")
    if href.startswith("https://"):
        token.attrSet("rel", "noopener noreferrer")
        if token.markup != "autolink":
            token.attrSet("class", "external")  # print styles show its address
    elif not (href.startswith("#") and href[1:] in env["anchors"]):
        token.attrs.pop("href", None)
    return self.renderToken(tokens, idx, options, env)


def _image(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    alt = self.renderInlineAsText(tokens[idx].children or [], options, env)
    return f'<span class="image-alt">{html.escape(alt)}</span>'


_HTML = MarkdownIt("commonmark", {"html": False}).enable("table")
_HTML.add_render_rule("link_open", _link_open)
_HTML.add_render_rule("image", _image)

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.55; max-width: 46rem; margin: 0 auto; padding: 1.5rem; color: #1a1a1a; background: #fff; }
h1, h2, h3, h4 { line-height: 1.25; }
.subtitle { font-size: 1.25rem; margin-top: -0.5rem; }
.reviewed { color: #555; }
.help-now { border: 3px solid #a4001d; background: #fff5f5; padding: 0 1rem; margin: 1.5rem 0; }
.help-now h2 { font-size: 1.2rem; color: #a4001d; margin: 1rem 0 0.5rem; }
.help-now ul { padding-left: 1.2rem; }
.page { border-top: 1px solid #ccc; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
a { color: #0645ad; overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
pre { white-space: pre-wrap; }
.image-alt { font-style: italic; }
@page { margin: 2cm; }
@media print {
  body { font-family: Georgia, Cambria, "Times New Roman", Times, serif; font-size: 11pt;
    max-width: none; padding: 0; color: #000; }
  .page { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  a { color: #000; text-decoration: none; }
  a.external::after { content: " (" attr(href) ")"; font-size: 90%; }
  .help-now { background: none; margin: 1rem 0; }
}
"""


def _render(markdown: str, anchors: set[str], shift: int) -> str:
    """Markdown to HTML with every heading ``shift`` levels lower (the page title becomes ``h2``)."""
    tokens = _HTML.parse(markdown)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"
    return str(_HTML.renderer.render(tokens, _HTML.options, {"anchors": anchors}))


def _html(guide: Guide) -> str:
    pages = build_pages(guide)
    anchors = {page.id for page in pages} | {"crisis"}
    esc = html.escape
    block, heading = _help_now(guide)
    contents = "".join(f'<li><a href="#{esc(p.id)}">{esc(p.title)}</a></li>\n' for p in pages)
    sections = "".join(
        f'<section class="page" id="{esc(p.id)}">\n{_render(p.markdown, anchors, 1)}</section>\n'
        for p in pages
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(guide.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<header>\n"
        f'<h1>{esc(guide.title)}</h1>\n<p class="subtitle">{esc(guide.subtitle)}</p>\n'
        f'<p class="reviewed">Last reviewed on <time datetime="{guide.reviewed.isoformat()}">'
        f"{_reviewed(guide)}</time>.</p>\n</header>\n"
        f'<aside class="help-now" id="crisis" aria-label="{heading}">\n{_render(block, anchors, 0)}</aside>\n'
        f'<nav aria-label="Contents">\n<h2>Contents</h2>\n<ol>\n{contents}</ol>\n</nav>\n'
        f"<main>\n{sections}</main>\n</body>\n</html>\n"
    )
