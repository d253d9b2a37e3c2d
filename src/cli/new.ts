/**
 * `npm run new -- --channel 政法要聞 --slug some-slug [--title 標題]`: a valid article skeleton dated now
 * (Asia/Shanghai), under content/articles/YYYY/MM/. Refuses to overwrite.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { SCAFFOLD } from "../content/article-schema.ts";
import { slugProblem } from "../content/path-names.ts";
import { loadContent } from "../content/load.ts";
import { formatProblem } from "../content/problems.ts";
import { formatDisplay } from "../dates.ts";
import { UserError } from "../util/user-error.ts";
import { commandLine } from "./command.ts";

const { values } = commandLine("new", "npm run new -- --channel 政法要聞 --slug benxi-survey [--title 標題]",
  { options: { channel: { type: "string" }, slug: { type: "string" }, title: { type: "string" } } });
const root = process.cwd();
const fail = (message: string): never => {
  console.error(`new: ${message}`);
  process.exit(1);
};
const content = await loadContent(root).catch((error: unknown) => (error instanceof UserError ? fail(error.message) : Promise.reject(error)));
const site = content.site;
if (!site) {
  for (const p of content.problems) console.error(formatProblem(p));
  fail("the site configuration has errors; fix them first");
}
const names = site!.channels.map((c) => c.name);
if (!values.channel || !names.includes(values.channel)) fail(`--channel 要寫本站的欄目之一：${names.join("、")} (--channel must be one of: ${names.join(", ")})`);
if (!values.slug) fail("--slug 是文章的網址，只用小寫英文字母、數字和連字號，例如 --slug benxi-survey (--slug is the article's address, e.g. --slug benxi-survey)");
const slugWrong = slugProblem(values.slug!);
if (slugWrong) fail(`--slug: ${slugWrong}`);
if (content.articles.some((a) => a.slug === values.slug)) fail(`已有文章用了網址「${values.slug}」，換一個 --slug (an article already has the address "${values.slug}"; choose another --slug)`);

// The clock, read once: an editor's "now" (SOURCE_DATE_EPOCH, when set, stands in for it).
const { now } = content;
const file = path.posix.join("content/articles", now.toFormat("yyyy"), now.toFormat("MM"), `${values.slug}.md`);
const fields = {
  title: values.title ?? SCAFFOLD.title,
  date: formatDisplay(now, site!.timeZone),
  source: site!.name,
  author: SCAFFOLD.author,
  channel: values.channel!,
  tags: [] as string[],
  draft: "true",
};
const text = `---\n${stringify(fields, { lineWidth: 0 }).replace("draft: \"true\"", "draft: true")}---\n\n${SCAFFOLD.body}\n`;
await mkdir(path.dirname(path.join(root, file)), { recursive: true });
try {
  await writeFile(path.join(root, file), text, { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "EEXIST") fail(`${file} 已經存在，沒有改動它 (${file} already exists; it was not changed)`);
  throw error;
}
console.log(`Wrote ${file}`);
console.log("這是草稿（draft: true）：填寫標題、來源、作者和正文，用 npm start 預覽，然後刪掉 draft 那一行就會發布。");
console.log("It is a draft (draft: true): write the title, source, author and text, preview with npm start, then delete the draft line to publish.");
