import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDuration, progressLine } from "../../src/util/progress.ts";

/** A stream that keeps what is written, a terminal or not. */
function sink(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe("progress", () => {
  it("prints nothing for work of a few seconds, then a plain line every 15 s under CI, with counts and the time left", () => {
    let t = 0;
    const out = sink(false);
    const shown = progressLine({ stream: out.stream, now: () => t, env: { CI: "true" }, manual: true });
    const pages = shown.counter("渲染頁面 (pages rendered)", 1000);
    t = 2000;
    pages.add(100);
    shown.tick();
    assert.deepEqual(out.written, [], "work under three seconds says nothing");
    t = 14_000;
    shown.tick();
    assert.deepEqual(out.written, []);
    t = 15_000;
    pages.add(50);
    shown.tick();
    // 150 of 1,000 in 15 s: 10 a second, 85 s left.
    assert.deepEqual(out.written, ["渲染頁面 (pages rendered) 150 / 1,000 (15%)；約 1 分 25 秒 (1 min 25 s) 完成 (about that left)\n"]);
    t = 20_000;
    shown.tick();
    assert.equal(out.written.length, 1, "not again before 15 s");
    const shards = shown.counter("搜尋索引分片 (search shards)", 8);
    t = 30_000;
    shown.tick();
    assert.match(out.written[1]!, /^渲染頁面 \(pages rendered\) 150 \/ 1,000 \(15%\)，搜尋索引分片 \(search shards\) 0 \/ 8 \(0%\)；估算中 \(estimating\)\n$/);
    pages.end();
    shards.add(8);
    t = 45_000;
    shown.tick();
    assert.equal(out.written[2], "搜尋索引分片 (search shards) 8 / 8 (100%)\n");
    shown.stop();
    assert.equal(out.written.length, 3);
  });

  it("updates one line in place on a terminal, and ends it", () => {
    let t = 0;
    const out = sink(true);
    const shown = progressLine({ stream: out.stream, now: () => t, env: {}, manual: true });
    const articles = shown.counter("讀取文章 (articles loaded)", 10);
    t = 3000;
    articles.add(5);
    shown.tick();
    t = 3300;
    articles.add(5);
    shown.tick();
    shown.stop();
    assert.deepEqual(out.written, [
      "\r\x1b[2K讀取文章 (articles loaded) 5 / 10 (50%)；約 3 秒 (3 s) 完成 (about that left)",
      "\r\x1b[2K讀取文章 (articles loaded) 10 / 10 (100%)",
      "\n",
    ]);
  });

  it("says durations in both languages", () => {
    assert.equal(formatDuration(12.4), "12 秒 (12 s)");
    assert.equal(formatDuration(65), "1 分 05 秒 (1 min 05 s)");
    assert.equal(formatDuration(3900), "1 時 05 分 (1 h 5 min)");
  });
});
