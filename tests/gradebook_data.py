"""Generated completion reports for the gradebook's test and benchmark: a group of n people in
Cyrillic, Greek and Latin names, with every kind of lesson state, final-test result, assignment
and missed questions, encoded in the page by the course's own encoder (docs/assets/report.js)
from a deterministic pseudo-random sequence, pasted as a trainer would get them by e-mail."""
from __future__ import annotations

GENERATE = """([n, seed]) => {
  let x = seed >>> 0;
  const rnd = () => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x / 4294967296; };
  const first = ["Анна", "Пётр", "Ёлка", "Γιώργος", "Μαρία", "Ελένη", "Anna", "John", "Zoë", "Ольга", "Νίκος", "O'Brien"];
  const last = ["Иванова", "Смирнов", "Παπαδοπούλου", "Κωνσταντίνου", "Smith", "Müller, Jr.", "Ким", "\\"Quoted\\" Name"];
  const lessons = window.courseCore.lessons;
  const out = [], people = [];
  for (let i = 0; i < n; i++) {
    const name = first[i % first.length] + " " + last[(i * 7) % last.length] + " " + (i + 1);
    const r = { at: "2026-11-" + String(1 + (i % 28)).padStart(2, "0") + "T09:" + String(i % 60).padStart(2, "0") + "Z", lang: ["ru", "el", "en"][i % 3],
                name, lessons: {}, final: null, cert: null, assignment: null };
    let all = true;
    lessons.forEach((l) => {
      const u = rnd();
      const grade = u < 0.6 ? "passed" : u < 0.72 ? "failed" : u < 0.85 ? "in_progress" : "not_started";
      if (grade !== "passed") all = false;
      if (grade === "not_started") return;
      const score = grade === "passed" ? 80 + Math.floor(rnd() * 21) : grade === "failed" ? Math.floor(rnd() * 80) : null;
      const missed = l.questions.filter(() => rnd() < 0.15).map((q) => q.id);
      r.lessons[l.quiz] = { grade, score, first: grade === "in_progress" ? null : Math.max(0, (score || 0) - Math.floor(rnd() * 30)), missed };
    });
    if (rnd() < 0.7) {
      const passed = rnd() < 0.75;
      const right = passed ? 16 + Math.floor(rnd() * 5) : Math.floor(rnd() * 16);
      r.final = { passed, right, total: 20, first: { right: Math.floor(rnd() * 20), total: 20 }, attempts: 1 + Math.floor(rnd() * 3) };
      if (passed && all) r.cert = r.at.slice(0, 10);
    }
    if (i % 4 === 0) {
      const done = rnd() < 0.5;
      r.assignment = { id: "a1b2c3", due: "2026-11-15", passed: done ? 3 : 1, total: 3, day: done ? "2026-11-" + String(10 + (i % 10)) : "" };
    }
    people.push(r);
    out.push("Report " + (i + 1) + ": " + name + "\\n" + window.courseReport.encode(r));
  }
  return { text: out.join("\\n\\n"), people };
}"""


def generate(page, n: int, seed: int = 1) -> dict:
    """{text: the pasted reports, people: what each report says} for n people."""
    return page.evaluate(GENERATE, [n, seed])
