/** Article pictures: responsive renditions with sizes, lazy loading, and content errors for what is wrong. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { article, createProject, VALID, type Project } from "../helpers/project.ts";

const DIR = "content/articles/2021/03";

async function photo(project: Project, file: string, width = 1200, height = 800): Promise<void> {
  const image = await sharp({ create: { width, height, channels: 3, background: { r: 163, g: 22, b: 27 } } }).jpeg().toBuffer();
  await project.write(file, image);
}

describe("article pictures", () => {
  let project: Project;
  before(async () => {
    project = await createProject();
    await photo(project, `${DIR}/corridor.jpg`);
    await photo(project, `${DIR}/meeting.jpg`);
  });
  after(() => project.dispose());

  it("renders the cover and inline pictures as AVIF/WebP/JPEG with width, height and lazy loading", async () => {
    await project.write(`${DIR}/with-pictures.md`, article({ ...VALID, cover: "corridor.jpg", coverAlt: "程家社區紅色長廊" },
      "第一段。\n\n![座談會現場](meeting.jpg)\n\n第二段。"));
    const first = await project.run("build");
    assert.equal(first.code, 0, first.stderr);
    const html = await project.read("_site/articles/with-pictures/index.html");
    const pictures = html.match(/<picture>[\s\S]*?<\/picture>/g) ?? [];
    assert.equal(pictures.length, 2);
    const [cover, inline] = pictures as [string, string];
    assert.match(cover, /<source type="image\/avif" srcset="\/img\/[\w-]+-480\.avif 480w, \/img\/[\w-]+-960\.avif 960w"/);
    assert.match(cover, /<source type="image\/webp"/);
    assert.match(cover, /alt="程家社區紅色長廊"/);
    assert.match(cover, /loading="eager"/);
    assert.match(cover, /width="960" height="640"/);
    assert.match(inline, /alt="座談會現場" loading="lazy" decoding="async"/);
    for (const m of html.matchAll(/\/img\/([\w-]+\.(?:avif|webp|jpeg))/g)) {
      assert.ok(existsSync(path.join(project.root, "_site/img", m[1]!)), m[1]);
    }
    assert.match(html, /<meta property="og:image" content="https:\/\/www\.lncaw\.example\.cn\/img\/[\w-]+-960\.jpeg">/);
    const twin = await project.read("_site/hans/articles/with-pictures/index.html");
    assert.match(twin, /alt="程家社区红色长廊"/);
    // The home page's focus zone (焦點圖) shows the article with a cover, its picture linked to it.
    const home = await project.read("_site/index.html");
    const focus = /<section class="focus"[\s\S]*?<\/section>/.exec(home)?.[0] ?? "";
    assert.match(focus, /<a href="\/articles\/with-pictures\/"><span class="focus__picture"><picture>/);
    assert.ok(!focus.includes("benxi-2020-07-16"), "an article without a cover is not in the focus zone");
    const hashes = await project.hashTree();
    const second = await project.run("build", { TZ: "UTC" });
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(await project.hashTree(), hashes, "a rebuild with pictures is byte-identical");
    await project.remove(`${DIR}/with-pictures.md`);
  });

  it("reports a missing alt, a missing file, a remote picture and a cover without coverAlt on their lines", async () => {
    await project.write(`${DIR}/bad-pictures.md`, article({ ...VALID, cover: "corridor.jpg" },
      "第一段。\n\n![](meeting.jpg)\n\n![照片](nowhere.jpg)\n\n![照片](https://example.com/x.jpg)"));
    const result = await project.run("build");
    await project.remove(`${DIR}/bad-pictures.md`);
    assert.equal(result.code, 1);
    const file = `${DIR}/bad-pictures.md`;
    for (const expected of [
      `${file}:7 cover: 有封面圖但沒有封面圖說明；為看不見圖片的讀者描述它，例如 coverAlt: 程家社區紅色長廊 (has no coverAlt`,
      `${file}:12 image: 圖片「meeting.jpg」沒有說明文字；為看不見圖片的讀者描述它，例如 ![程家社區紅色長廊](meeting.jpg) ("meeting.jpg" has no alt text`,
      `${file}:14 image: 文章旁邊沒有「nowhere.jpg」；檢查文件名（字母和大小寫要一致）("nowhere.jpg" was not found next to the article`,
      `${file}:16 image: 「https://example.com/x.jpg」不是本站的文件；把圖片存在文章旁邊，寫它的文件名 ("https://example.com/x.jpg" is not a file of this site`,
    ]) {
      assert.ok(result.stderr.split("\n").some((l) => l.startsWith(expected)), `${expected}\n${result.stderr}`);
    }
  });

  it("sees a picture replaced under the same name, though its article did not change", async () => {
    await photo(project, `${DIR}/swapped.jpg`);
    await project.write(`${DIR}/swapped-picture.md`, article({ ...VALID, cover: "swapped.jpg", coverAlt: "會場" }));
    const first = await project.run("build");
    assert.equal(first.code, 0, first.stderr);
    assert.match(await project.read("_site/articles/swapped-picture/index.html"), /width="960" height="640"/);
    await photo(project, `${DIR}/swapped.jpg`, 600, 900);
    const second = await project.run("build");
    assert.equal(second.code, 0, second.stderr);
    const html = await project.read("_site/articles/swapped-picture/index.html");
    assert.match(html, /width="480" height="720"/, "the article's markup follows the new picture (600 × 900: no 960 rendition)");
    assert.doesNotMatch(html, /width="960"/);
    await project.remove(`${DIR}/swapped-picture.md`);
  });
});
