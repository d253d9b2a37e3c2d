/**
 * Writes a shard's result cards (src/search/result-card.ts) in place of Pagefind's fragments, which the search page
 * never reads.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { CARD_EXTENSION, CARD_FOLDER, cardOf } from "./result-card.ts";

const FRAGMENT_FOLDER = "fragment";
const FRAGMENT_EXTENSION = ".pf_fragment";
/** Pagefind's gzipped files start, once unzipped, with this signature. */
const SIGNATURE = "pagefind_dcd";

/**
 * Replaces the fragments of the Pagefind bundle in `bundle` by cards of the same names, each made from what
 * `shown` gives for the fragment's address (the record's meta, which Pagefind is not given: it would index every
 * value as words, the article's text included), and returns how many. Cards are gzipped as Pagefind's own files
 * are, to the same bytes for the same card in every build.
 */
export function writeCards(bundle: string, shown: ReadonlyMap<string, Record<string, string>>): number {
  const fragments = path.join(bundle, FRAGMENT_FOLDER);
  const cards = path.join(bundle, CARD_FOLDER);
  mkdirSync(cards, { recursive: true });
  let written = 0;
  for (const name of readdirSync(fragments).sort()) {
    if (!name.endsWith(FRAGMENT_EXTENSION)) continue;
    const unzipped = gunzipSync(readFileSync(path.join(fragments, name))).toString("utf8");
    if (!unzipped.startsWith(SIGNATURE)) throw new Error(`${name} is not a Pagefind fragment`);
    const { url } = JSON.parse(unzipped.slice(SIGNATURE.length)) as { url: string };
    const meta = shown.get(url);
    if (!meta) throw new Error(`${name} is the result of ${url}, which is not a record of this shard`);
    const card = cardOf({ url, meta });
    writeFileSync(path.join(cards, name.slice(0, -FRAGMENT_EXTENSION.length) + CARD_EXTENSION), gzipSync(JSON.stringify(card), { level: 9 }));
    written++;
  }
  rmSync(fragments, { recursive: true, force: true });
  return written;
}
