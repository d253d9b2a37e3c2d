/** Escaping for the places where prepared strings are printed without the template engine's HTML escaping. */

const SCRIPT_ESCAPES: Record<string, string> = {
  "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029",
};
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** JSON for inside a `<script>` element: no value can close the element or open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
}

/** Text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped.
  return text.replace(/[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => XML_ESCAPES[c] ?? "");
}
