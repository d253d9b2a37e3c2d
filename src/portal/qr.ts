/**
 * A page's address as a QR code, drawn at build time as inline SVG (readers here pass an article to a phone by
 * scanning it, e.g. in WeChat): no script, no request, no third-party service. Each row's dark modules are drawn as
 * runs, so a code of an article's address weighs 1 to 3 KB. The mask is fixed (pattern 0): choosing the best of eight
 * took four fifths of the time (0.5 ms a code, on the build's own thread, for every article page in both scripts),
 * and any mask reads the same in every reader.
 * https://github.com/soldair/node-qrcode#qrcodecreatetext-options
 */
import QRCode from "qrcode";
import { escapeXml } from "./escape.ts";

/** Light modules around the code, as the QR standard asks. */
const QUIET = 4;

/** An SVG of `text` as a QR code (error correction M), `size` pixels square, named `label` for screen readers. */
export function qrSvg(text: string, label: string, size = 168): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M", maskPattern: 0 });
  const n = modules.size;
  let path = "";
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!modules.get(y, x)) continue;
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      path += `M${x + QUIET} ${y + QUIET}h${run}v1h-${run}z`;
      x += run;
    }
  }
  const side = n + 2 * QUIET;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${size}" height="${size}" role="img" ` +
    `aria-label="${escapeXml(label)}" shape-rendering="crispEdges"><path fill="#fff" d="M0 0h${side}v${side}H0z"/>` +
    `<path fill="#000" d="${path}"/></svg>`;
}
