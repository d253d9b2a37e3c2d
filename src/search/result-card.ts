/**
 * Result cards: what the search page shows of one result, in a file of its own beside the shard's index. Shared by
 * the build (src/search/card-writer.ts writes them) and the search page (src/browser/search-index.ts reads them).
 *
 * Pagefind keeps one fragment a record for its results, and a fragment holds the record's whole `content`: here, the
 * article's search words (src/search/tokens.ts), about seven bytes a character of text, and its text again for the
 * excerpt. A page of ten results cost 80 KB on average on news text, and past 150 KB on long articles: more than the
 * rest of a search together. A card holds what a result shows (title, address, channel, byline and date in both
 * scripts) and the lead of the text for the excerpt, gzipped: one or two KB whatever the article's length.
 */

/** Characters of an article's text a card keeps for the excerpt: its lead, where news puts what matters. */
export const CARD_TEXT = 600;

/** Where a shard's cards are, each named by its result's id (Pagefind's fragment name). */
export const CARD_FOLDER = "card";
/** Not `.json.gz`: a static host would serve that as compressed, and the browser would unzip it before the page. */
export const CARD_EXTENSION = ".pf_card";

export interface Card {
  url: string;
  meta: Record<string, string>;
}

/** A card from a Pagefind fragment: its address and what it shows, the text cut to its lead. */
export function cardOf(fragment: Card): Card {
  const text = fragment.meta.text ?? "";
  return { url: fragment.url, meta: { ...fragment.meta, text: text.length > CARD_TEXT ? text.slice(0, CARD_TEXT) : text } };
}
