"""Helpers the hooks share: not hooks themselves (mkdocs.yml lists only hooks/*.py).

    sources.py   read a maintainer's YAML or Markdown file, with plain-words errors
    build.py     the one build context: language, page keys, lessons, labels, templates
    labels.py    labels.yml: every interface label in every language
    quizbank.py  quizzes/*.yml: load and validate the question bank
    quizview.py  a quiz in one language, as the templates show it
    scorm.py     the imsmanifest.xml of a SCORM 1.2 or 2004 package
"""
