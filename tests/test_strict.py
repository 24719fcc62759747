"""Every mistake the strict build must catch, planted in a copy of the site."""
from __future__ import annotations

from pathlib import Path


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def test_the_real_site_builds(built_site):
    assert (built_site / "index.html").exists()


def test_a_page_missing_in_one_language_is_named(project_copy, build_copy):
    (project_copy / "docs/el/chapters/05-touchpoints.md").unlink()
    code, out = build_copy(project_copy)
    assert code != 0
    assert "docs/el/chapters/05-touchpoints.md is missing" in out


def test_broken_links_anchors_absolute_and_cross_language_links_are_all_named(project_copy, build_copy):
    """Planted together in Russian pages (the default language's build reports them after every
    language is built, all at once): one build instead of six."""
    ru = project_copy / "docs/ru/chapters"
    append(ru / "02-why-it-pays.md", "[нет](no-such-page.md)")
    append(ru / "03-who-is-your-customer.md", "[там](01-what-it-is.md#no-such-anchor)")
    append(ru / "05-touchpoints.md", "[начало](/chapters/01-what-it-is/)")
    append(ru / "04-internal-customer.md", '<a href="../no-such-chapter/">тут</a> <a href="../01-what-it-is/#nowhere">там</a>')
    append(ru / "06-beyond-expectations.md", '<a href="../../en/chapters/01-what-it-is/">English</a>')
    code, out = build_copy(project_copy)
    assert code != 0
    assert "ru/chapters/02-why-it-pays.md" in out and "no-such-page.md" in out
    assert "ru/chapters/03-who-is-your-customer.md" in out and "no-such-anchor" in out
    assert "ru/chapters/05-touchpoints.md" in out and "absolute link" in out
    assert "docs/ru/chapters/04-internal-customer.md: link '../no-such-chapter/' points to a missing page" in out
    assert "docs/ru/chapters/04-internal-customer.md: link '../01-what-it-is/#nowhere': no anchor #nowhere" in out
    assert "docs/ru/chapters/06-beyond-expectations.md: link '../../en/chapters/01-what-it-is/' leads into another language's pages" in out


def test_a_page_left_out_of_the_navigation_is_named(project_copy, build_copy):
    for lang in ("ru", "el", "en"):
        (project_copy / f"docs/{lang}/stray.md").write_text("---\ntitle: Stray\ndescription: A stray page\n---\n# Stray\n", encoding="utf-8")
    code, out = build_copy(project_copy)
    assert code != 0
    assert "stray.md" in out and "not included in the \"nav\"" in out


