"""company.yml: one company's own settings for the course, described by company.schema.json.

Optional: without the file every value is None and the course is what it is out of the box.
Problems are listed all at once, in plain words, naming the file and the field (as for
labels.yml): a logo that is not there, a colour too pale to read.

The contrast check is the WCAG 2.x formula (relative luminance, ratio (L1 + 0.05) / (L2 + 0.05)),
a few lines from the definition: no library needed for one formula.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lib import schema as schema_check
from lib.sources import SourceError, kind_of, read_yaml

FILE = "company.yml"
VALUES = ("decide_alone", "escalate_to", "complaint_response", "request_response")
AA = 4.5  # WCAG 2.x level AA for body text
_cache: dict = {"signature": "none"}


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(hex_colour: str, other: str, share: float) -> str:
    """hex_colour moved `share` of the way towards `other` (lighter and darker shades)."""
    a = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def palette(colours: dict) -> dict | None:
    """The theme's colour variables for the company's colours (None: keep the course's own).
    Material wants a lighter and a darker shade of the primary colour and a transparent
    accent; they are derived here so the settings file asks for two colours only."""
    if not colours:
        return None
    out = {}
    if colours.get("primary"):
        p = colours["primary"]
        out.update(primary=p, primary_light=mix(p, "#ffffff", 0.2), primary_dark=mix(p, "#000000", 0.25))
    if colours.get("accent"):
        a = colours["accent"]
        out.update(accent=a, accent_transparent="rgba({}, {}, {}, 0.1)".format(*(int(a[i:i + 2], 16) for i in (1, 3, 5))))
    return out


@dataclass
class Company:
    data: dict = field(default_factory=dict)
    root: Path | None = None

    def text(self, value, lang: str):
        return value.get(lang) if isinstance(value, dict) else value

    def for_language(self, lang: str) -> dict:
        """What templates and pages see (config.extra.company): every field present, None when
        not set, texts in the language of the build."""
        signatory = self.data.get("signatory")
        colours = self.data.get("colours", {})
        return {
            "name": self.text(self.data.get("name"), lang),
            "logo": f"assets/company/logo{Path(self.data['logo']).suffix}" if "logo" in self.data else None,
            "colours": {"primary": colours.get("primary"), "accent": colours.get("accent")},
            "signatory": {"name": self.text(signatory["name"], lang), "role": self.text(signatory.get("role"), lang)} if signatory else None,
            "values": {key: self.text(self.data.get("values", {}).get(key), lang) for key in VALUES},
            "palette": palette(colours),
        }

    @property
    def logo_file(self) -> Path | None:
        return self.root / self.data["logo"] if "logo" in self.data else None


def problems_of(data, root: Path) -> list[str]:
    """What is wrong with company.yml, in plain words ([] when nothing is)."""
    if not isinstance(data, dict):
        return [f"{FILE}: the file should hold 'key: value' settings (name, logo, colours, signatory, values), not {kind_of(data)}"]
    schema = schema_check.read(Path(__file__).resolve().parents[2] / "company.schema.json")
    problems = []
    for error in schema_check.errors(schema, data):
        path = ".".join(map(str, error.absolute_path))
        where = f"{FILE}: '{path}'" if path else FILE
        if error.validator == "additionalProperties":
            problems.append(f"{where}: unknown setting(s): {error.message.split('(')[-1].rstrip(')')}")
        elif error.validator == "required":
            problems.append(f"{where}: '{error.validator_value[0]}' is missing")
        elif path.startswith("colours."):
            problems.append(f"{where}: should be a colour written #rrggbb (like #00695c), not {error.instance!r}")
        elif path == "logo":
            problems.append(f"{where}: should be the path of an SVG, PNG, JPEG or WebP file, not {error.instance!r}")
        else:
            problems.append(f"{where}: should be one text, or ru/el/en texts, without < or > (not {kind_of(error.instance)})")
    if problems:
        return problems
    if "logo" in data and not (root / data["logo"]).is_file():
        problems.append(f"{FILE}: 'logo': the file {data['logo']} does not exist (the path is relative to the project folder, {root})")
    for key, colour in data.get("colours", {}).items():
        ratio = contrast(colour, "#ffffff")
        if ratio < AA:
            problems.append(f"{FILE}: 'colours.{key}': {colour} has a contrast of {ratio:.2f}:1 with white; text on white and white "
                            f"text on it need at least {AA}:1 (WCAG AA): choose a darker shade")
    return problems


def load(root: Path) -> Company:
    """The settings, read again only when the file changed; SourceError lists every problem."""
    path = Path(root) / FILE
    signature = (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else "none"
    if _cache["signature"] != signature or _cache.get("root") != root:
        if not path.exists():
            company = Company({}, Path(root))
        else:
            data = read_yaml(path, FILE)
            problems = problems_of({} if data is None else data, Path(root))
            if problems:
                raise SourceError("The company settings have problems:\n  " + "\n  ".join(problems))
            company = Company(data or {}, Path(root))
        _cache.update(signature=signature, root=root, company=company)
    return _cache["company"]
