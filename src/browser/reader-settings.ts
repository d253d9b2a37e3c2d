/**
 * Reader settings: font size (小/中/大) and the elderly mode (長者模式: larger text, higher contrast), kept in
 * localStorage so they follow the reader from page to page. The inline head script (READER_BOOT in
 * src/browser/boot.ts) applies the saved classes before the first paint, so nothing shifts; this file only wires
 * the buttons, the article's 打印 button and its read-aloud controls (read-aloud.ts). Pages work without it.
 */
import { setUpReadAloud } from "./read-aloud.ts";

const STORAGE_KEY = "broadsheet:reader";
const FONT_CLASSES = { small: "font-small", medium: "", large: "font-large" } as const;
type FontSize = keyof typeof FONT_CLASSES;

interface Settings {
  font: FontSize;
  elderly: boolean;
}

function load(): Settings {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}") as Partial<Settings>;
    return { font: saved.font && saved.font in FONT_CLASSES ? saved.font : "medium", elderly: saved.elderly === true };
  } catch {
    return { font: "medium", elderly: false };
  }
}

function apply(settings: Settings): void {
  const root = document.documentElement;
  root.classList.remove("font-small", "font-large");
  if (FONT_CLASSES[settings.font]) root.classList.add(FONT_CLASSES[settings.font]);
  root.classList.toggle("elderly", settings.elderly);
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-font]")) {
    button.setAttribute("aria-pressed", String(button.dataset.font === settings.font));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-elderly]")) {
    button.setAttribute("aria-pressed", String(settings.elderly));
  }
}

function save(settings: Settings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Private browsing may refuse storage; the setting still applies to this page.
  }
}

const settings = load();
apply(settings);
document.addEventListener("click", (event) => {
  const target = (event.target as Element | null)?.closest<HTMLButtonElement>("[data-font], [data-elderly], [data-print]");
  if (!target) return;
  // 打印: the browser's own print dialog; the print stylesheet leaves the article alone on the page.
  if (target.hasAttribute("data-print")) {
    window.print();
    return;
  }
  if (target.dataset.font) settings.font = target.dataset.font as FontSize;
  else settings.elderly = !settings.elderly;
  apply(settings);
  save(settings);
});
setUpReadAloud();
