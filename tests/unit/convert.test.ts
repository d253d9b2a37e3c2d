import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createScriptConverter, rememberingConverter, type ScriptConverter } from "../../src/scripts/convert.ts";
import { Memo } from "../../src/util/memo.ts";

describe("createScriptConverter", () => {
  const plain = createScriptConverter();
  const guarded = createScriptConverter(["于天敏", "于"]);

  it("converts phrases both ways", () => {
    assert.equal(plain.convert("于天敏赴本溪市調研市域社會治理現代化工作", "zh-Hant", "zh-Hans"), "于天敏赴本溪市调研市域社会治理现代化工作");
    assert.equal(plain.convert("辽宁长安网 浑南区 葫芦岛 兴城", "zh-Hans", "zh-Hant"), "遼寧長安網 渾南區 葫蘆島 興城");
  });

  it("leaves text alone when the scripts are the same", () => {
    assert.equal(plain.convert("先后", "zh-Hant", "zh-Hant"), "先后");
  });

  it("keeps protected words as written, longest first, and still converts around them", () => {
    assert.equal(plain.convert("于天敏调研", "zh-Hans", "zh-Hant"), "於天敏調研", "without the list the surname is lost");
    assert.equal(guarded.convert("于天敏调研，于是", "zh-Hans", "zh-Hant"), "于天敏調研，于是");
    assert.equal(createScriptConverter(["于天敏"]).convert("于天敏调研，于是", "zh-Hans", "zh-Hant"), "于天敏調研，於是");
  });

  it("passes ASCII, markup and private-use text through", () => {
    const html = '<a href="/tags/%E6%9C%AC/">本溪</a> \uE029 x';
    assert.equal(guarded.convert(html, "zh-Hant", "zh-Hans"), html);
  });
});

describe("rememberingConverter", () => {
  /** The real converter, counting the texts it was asked to convert. */
  const counting = (words: string[]) => {
    const real = createScriptConverter(words);
    const counter: ScriptConverter & { calls: number } = {
      calls: 0,
      convert(text, from, to) {
        if (from !== to) counter.calls++;
        return real.convert(text, from, to);
      },
    };
    return counter;
  };

  it("converts as its converter does, and converts a short text once across builds", () => {
    const memo = new Memo();
    const first = counting([]);
    const one = rememberingConverter(first, memo, []);
    assert.equal(one.convert("本溪市調研", "zh-Hant", "zh-Hans"), "本溪市调研");
    assert.equal(one.convert("本溪市調研", "zh-Hant", "zh-Hans"), "本溪市调研");
    assert.equal(first.calls, 1);
    memo.settle();
    const second = counting([]);
    assert.equal(rememberingConverter(second, memo, []).convert("本溪市調研", "zh-Hant", "zh-Hans"), "本溪市调研");
    assert.equal(second.calls, 0, "the next build finds it");
    const long = "調研".repeat(200);
    rememberingConverter(second, memo, []).convert(long, "zh-Hant", "zh-Hans");
    assert.equal(memo.get(`convert|[]|zh-Hant|zh-Hans|${long}`), undefined, "long texts are not remembered");
  });

  it("keeps conversions made with other protected words apart", () => {
    const memo = new Memo();
    assert.equal(rememberingConverter(createScriptConverter([]), memo, []).convert("于天敏", "zh-Hans", "zh-Hant"), "於天敏");
    assert.equal(rememberingConverter(createScriptConverter(["于天敏"]), memo, ["于天敏"]).convert("于天敏", "zh-Hans", "zh-Hant"), "于天敏");
  });
});
