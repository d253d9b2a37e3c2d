/** docs/content-contract.md keeps in step with the code: every field, configuration key and variable is in it. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { ARTICLE_FIELDS } from "../../src/content/article-schema.ts";
import { siteSchema } from "../../src/content/site-config.ts";
import { REPO } from "../helpers/project.ts";

const doc = readFileSync(path.join(REPO, "docs/content-contract.md"), "utf8");
const described = (name: string) => new RegExp(`\`${name}\``).test(doc);

describe("docs/content-contract.md", () => {
  it("describes every article field and every site.yaml key", () => {
    for (const field of ARTICLE_FIELDS) assert.ok(described(field), `article field ${field}`);
    for (const key of Object.keys(siteSchema.shape)) assert.ok(described(key), `site.yaml key ${key}`);
  });

  it("describes every environment variable the code reads", () => {
    const sources = readdirSync(path.join(REPO, "src"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .map((e) => readFileSync(path.join(e.parentPath, e.name), "utf8")).join("\n");
    const variables = new Set(sources.match(/\b(?:BROADSHEET_[A-Z_]+|SOURCE_DATE_EPOCH)\b/g));
    assert.ok(variables.size >= 5);
    for (const variable of variables) assert.ok(described(variable), variable);
  });

  it("is the README's link for the contract, and every document the README links to is in the repository", () => {
    const readme = readFileSync(path.join(REPO, "README.md"), "utf8");
    assert.match(readme, /\]\(docs\/content-contract\.md\)/);
    assert.doesNotMatch(readme, /\.\.\/shared/);
    for (const [, target] of readme.matchAll(/\]\((?!https?:|#)([^)]+)\)/g)) {
      assert.ok(readFileSync(path.join(REPO, target!.split("#")[0]!)), target);
    }
  });
});
