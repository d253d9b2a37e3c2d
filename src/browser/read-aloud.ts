/**
 * 朗讀 (read-aloud) on article pages, with the browser's own speech synthesis: nothing is downloaded. The controls
 * (`[data-read-aloud]`, hidden in the page) are shown only where the browser has a Chinese voice, preferring one that
 * matches the page's script (zh-TW or zh-HK for 繁體, zh-CN for 简体). The body is read a paragraph at a time, and
 * the paragraph being read is marked (`.is-reading`) so the reader can follow it.
 * https://developer.mozilla.org/docs/Web/API/SpeechSynthesis
 */

/** The voice to read a page in `lang` with: one of the page's script first, then any Chinese voice. */
export function chineseVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const tag = (v: SpeechSynthesisVoice) => v.lang.replace("_", "-").toLowerCase();
  const chinese = voices.filter((v) => /^(?:zh|cmn|yue)\b/.test(tag(v)));
  const preferred = lang === "zh-Hans" ? ["zh-cn", "zh-sg", "cmn-hans"] : ["zh-tw", "zh-hk", "cmn-hant", "yue"];
  return chinese.find((v) => preferred.some((p) => tag(v).startsWith(p))) ?? chinese[0];
}

/** Wires the read-aloud controls of the page, if it has them and the browser can speak Chinese. */
export function setUpReadAloud(): void {
  const controls = document.querySelector<HTMLElement>("[data-read-aloud]");
  const body = document.querySelector<HTMLElement>(".article__body");
  if (!controls || !body || typeof speechSynthesis === "undefined" || typeof SpeechSynthesisUtterance === "undefined") return;
  const synth = speechSynthesis;
  const lang = document.documentElement.lang;
  const start = controls.querySelector<HTMLButtonElement>("[data-read='start']")!;
  const pause = controls.querySelector<HTMLButtonElement>("[data-read='pause']")!;
  const stop = controls.querySelector<HTMLButtonElement>("[data-read='stop']")!;
  let voice: SpeechSynthesisVoice | undefined;
  let paragraphs: HTMLElement[] = [];
  let at = -1;
  let paused = false;

  const mark = (index: number) => {
    paragraphs[at]?.classList.remove("is-reading");
    at = index;
    paragraphs[at]?.classList.add("is-reading");
    paragraphs[at]?.scrollIntoView({ block: "nearest" });
  };
  const show = (reading: boolean) => {
    start.hidden = reading;
    pause.hidden = !reading;
    stop.hidden = !reading;
    pause.textContent = paused ? pause.dataset.resume! : pause.dataset.pause!;
    pause.setAttribute("aria-pressed", String(paused));
  };
  const finish = () => {
    mark(-1);
    paused = false;
    show(false);
  };
  const read = (index: number) => {
    if (index >= paragraphs.length) return finish();
    mark(index);
    const utterance = new SpeechSynthesisUtterance(paragraphs[index]!.innerText);
    utterance.lang = voice!.lang;
    utterance.voice = voice!;
    // A paragraph's end starts the next, unless reading was stopped meanwhile (stop cancels, which also ends it).
    utterance.onend = () => {
      if (at === index) read(index + 1);
    };
    synth.speak(utterance);
  };

  start.addEventListener("click", () => {
    paragraphs = [...body.querySelectorAll<HTMLElement>("p, h2, h3, h4, li, blockquote")].filter((el) => el.innerText.trim() !== "");
    synth.cancel();
    paused = false;
    show(true);
    read(0);
  });
  pause.addEventListener("click", () => {
    paused = !paused;
    if (paused) synth.pause();
    else synth.resume();
    show(true);
  });
  stop.addEventListener("click", () => {
    mark(-1);
    synth.cancel();
    finish();
    start.focus();
  });
  // Leaving the page stops the voice (some browsers read on after the page is gone).
  addEventListener("pagehide", () => synth.cancel());

  const offer = () => {
    voice = chineseVoice(synth.getVoices(), lang);
    controls.hidden = !voice;
  };
  offer();
  synth.addEventListener?.("voiceschanged", offer);
}
