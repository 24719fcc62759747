"""Trainer-facing pages, built: what they say about report codes, and session plans a trainer
can keep to time."""
from __future__ import annotations

from conftest import LANGS

# What the course used to claim about report codes; the checksum is public, so it was untrue.
UNTRUE = ["защищает его от опечаток и правок", "изменённый вручную", "от опечаток и правок",
          "τυπογραφικά λάθη και αλλαγές", "έχει αλλοιωθεί", "αλλοιωμένος",
          "against typos and alterations", "someone has altered", "has been changed; ask"]


def test_no_page_claims_a_report_code_proves_anything(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not [claim for claim in UNTRUE if claim in text], html
    honest = {"ru": ("ошибки при вводе и копировании", "Доказательством результата код не является"),
              "el": ("λάθη πληκτρολόγησης και αντιγραφής", "Απόδειξη του αποτελέσματος όμως δεν είναι"),
              "en": ("catches typing and copying mistakes", "It is not proof")}
    for lang, prefix in LANGS.items():
        team = (built_site / prefix / "trainer/team/index.html").read_text(encoding="utf-8")
        assert all(words in team for words in honest[lang]) and "SCORM" in team
        progress = (built_site / prefix / "progress/index.html").read_text(encoding="utf-8")
        assert "SCORM" in progress, "the report hint on My progress says where records that count belong"
