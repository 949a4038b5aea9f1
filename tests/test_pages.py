"""Pages: built when first needed, the same Markdown as one document, and a title-less form."""

from __future__ import annotations

from guides import guide_with_glossary

from tui.guide import Guide
from tui.pages import GLOSSARY_TITLE, build_pages


def test_parts_join_into_the_page_markdown(guide: Guide) -> None:
    for page in build_pages(guide):
        assert page.markdown == "\n\n".join(part.markdown for part in page.parts) + "\n"
        assert page.parts[0].title == page.title


def test_without_title_drops_the_heading_and_leaves_no_empty_part(guide: Guide) -> None:
    topic, *_, about = build_pages(guide)
    assert not topic.without_title().markdown.startswith("# ")
    assert topic.without_title().parts[0].markdown.startswith("*")  # the summary comes first
    assert about.without_title().parts[0].title == "Please read"
    assert all(part.markdown for part in about.without_title().parts)


def test_pages_are_built_only_when_asked(guide: Guide) -> None:
    built: list[str] = []
    pages = build_pages(guide)
    for page in pages:
        original = page.build
        object.__setattr__(
            page, "build", lambda original=original, page=page: built.append(page.id) or original()
        )
    assert built == []
    _ = pages[1].parts, pages[1].parts
    assert built == [pages[1].id]


def test_the_glossary_page_comes_before_sources_with_its_terms_in_order(guide: Guide) -> None:
    assert "glossary" not in [page.id for page in build_pages(guide)]  # no glossary, no page
    *_, glossary, sources, about = build_pages(guide_with_glossary())
    assert (glossary.id, glossary.title, sources.id, about.id) == (
        "glossary",
        GLOSSARY_TITLE,
        "sources",
        "about",
    )
    title, *terms = glossary.parts
    assert title.markdown.startswith(f"# {GLOSSARY_TITLE}\n\n")
    assert [part.title for part in terms] == ["dissociation", "*Esketamine*", "NMDA receptor"]
    assert terms[1].markdown == (
        "**\\*Esketamine\\***\n\nOne of the two mirror-image forms of ketamine.\n\n- Given as a nasal spray."
    )
    assert glossary.without_title().parts[0].markdown.startswith("What some of the words")
