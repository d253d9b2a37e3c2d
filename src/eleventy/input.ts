/**
 * Eleventy's input folder. It holds no files of its own: every page is a virtual template of the portal plugin.
 * It is never content/: Eleventy runs `*.11tydata.js` files and merges `*.11tydata.json` into every template under
 * its input, so the editors' folder must be outside it (content never runs code).
 * https://www.11ty.dev/docs/data-template-dir/
 */
export const ELEVENTY_INPUT = "src/eleventy";
