// Parses GIFT files with gift-pegjs (pinned in package.json) and prints what it read as JSON,
// one entry per file: tests/test_gift.py compares it with the question bank.
// Usage: node tests/gift_parse.js FILE...
"use strict";
const fs = require("fs");
const path = require("path");
const { parse } = require(path.join(__dirname, "..", "node_modules", "gift-pegjs"));

const out = {};
for (const file of process.argv.slice(2)) {
  try {
    out[file] = { questions: parse(fs.readFileSync(file, "utf8")) };
  } catch (error) {
    const where = error.location ? ` at line ${error.location.start.line}, column ${error.location.start.column}` : "";
    out[file] = { error: `${error.message}${where}` };
  }
}
process.stdout.write(JSON.stringify(out));
