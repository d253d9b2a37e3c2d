/** Escaping for the places where prepared strings are printed without the template engine's HTML escaping. */

const SCRIPT_ESCAPES: Record<string, string> = {
  "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029",
};
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** JSON for inside a `<script>` element: no value can close the element or open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
}

/**
 * Characters XML 1.0 cannot carry at all, escaped or not: C0 controls other than tab and line ends, U+FFFE, U+FFFF
 * and halves of a surrogate pair standing alone. Content has them stripped with a warning when it is read; this is
 * the last line, so that no string of any origin makes a feed or a sitemap ill-formed.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters XML 1.0 cannot carry. */
export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return xmlCharacters(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Markup as an XML CDATA section: valid for any string, including one that holds `]]>`. */
export function cdata(markup: string): string {
  return `<![CDATA[${xmlCharacters(markup).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}
