"""SCORM packaging: the imsmanifest.xml of a SCORM 1.2 or SCORM 2004 4th edition package.

One organisation with one item and one SCO (the launch page, scorm.html, which holds the LMS
session for the whole visit and shows the course in a frame: docs/assets/lms.js), whose
resource lists every file of the package. The manifest is built as an element tree (names,
namespaces and escaping by the XML library, not by string pasting) and is checked in
tests/test_scorm.py against the official ADL/IMS XML Schemas kept in tests/fixtures/.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

LAUNCH = "scorm.html"
PASS_PERCENT = 80  # the final test's pass mark (hooks/quizzes.py, course_map.PASS_MARK)
XSI = "http://www.w3.org/2001/XMLSchema-instance"

VERSIONS = {
    "1.2": {
        "ns": {
            "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
            "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
        },
        "locations": [
            ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
        ],
        "schemaversion": "1.2",
        "scormtype": "scormtype",  # the attribute's spelling differs between the versions
    },
    "2004": {
        "ns": {
            "": "http://www.imsglobal.org/xsd/imscp_v1p1",
            "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
            "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
            "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
            "imsss": "http://www.imsglobal.org/xsd/imsss",
        },
        "locations": [
            ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
            ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
        ],
        "schemaversion": "2004 4th Edition",
        "scormtype": "scormType",
    },
}


def manifest(version: str, identifier: str, title: str, files: list[str]) -> bytes:
    """The manifest of a package holding `files` (paths relative to the package root, "/"
    separated); `version` is "1.2" or "2004"."""
    spec = VERSIONS[version]
    ns = spec["ns"]

    def q(name: str) -> str:
        prefix, _, local = name.rpartition(":")
        return f"{{{ns[prefix]}}}{local}"

    for prefix, uri in ns.items():
        ET.register_namespace(prefix, uri)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(q("manifest"), {"identifier": identifier, "version": "1",
                                      f"{{{XSI}}}schemaLocation": " ".join(f"{a} {b}" for a, b in spec["locations"])})
    metadata = ET.SubElement(root, q("metadata"))
    ET.SubElement(metadata, q("schema")).text = "ADL SCORM"
    ET.SubElement(metadata, q("schemaversion")).text = spec["schemaversion"]
    organizations = ET.SubElement(root, q("organizations"), {"default": "course"})
    organization = ET.SubElement(organizations, q("organization"), {"identifier": "course"})
    ET.SubElement(organization, q("title")).text = title
    item = ET.SubElement(organization, q("item"), {"identifier": "course-item", "identifierref": "course-sco", "isvisible": "true"})
    ET.SubElement(item, q("title")).text = title
    if version == "1.2":
        # The final test's pass mark: an LMS that judges by score (mastery) agrees with the course.
        ET.SubElement(item, q("adlcp:masteryscore")).text = str(PASS_PERCENT)
    else:
        # The course itself says when it is complete and whether it is passed (course-core.js).
        sequencing = ET.SubElement(item, q("imsss:sequencing"))
        ET.SubElement(sequencing, q("imsss:deliveryControls"), {"completionSetByContent": "true", "objectiveSetByContent": "true"})
    resources = ET.SubElement(root, q("resources"))
    resource = ET.SubElement(resources, q("resource"), {"identifier": "course-sco", "type": "webcontent", "href": LAUNCH,
                                                        q("adlcp:" + spec["scormtype"]): "sco"})
    for name in [LAUNCH] + sorted(f for f in files if f not in (LAUNCH, "imsmanifest.xml")):
        ET.SubElement(resource, q("file"), {"href": name})
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"
