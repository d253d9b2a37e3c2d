/**
 * What every request to `npm start` and `npm run cms` passes before anything answers it: the address it was sent to
 * (its Host) and the page that sent it (its Origin) must be this server's own, and its path must be plain. A web page
 * elsewhere cannot drive the editor (a foreign Origin), nor can a name that resolves to this machine (DNS rebinding:
 * a foreign Host), nor another local web app on another port (its Origin differs by the port). A path that does not
 * decode, or climbs with `..`, is refused before it reaches a handler.
 * https://developer.mozilla.org/docs/Web/HTTP/Headers/Origin · https://en.wikipedia.org/wiki/DNS_rebinding
 */
import type { IncomingMessage } from "node:http";
import { hostname, networkInterfaces } from "node:os";

/** The loopback names a browser on this machine uses. */
const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

/** The address to listen on: loopback unless asked; `warning` says what asking for another one means. */
export interface ListenAddress {
  host: string;
  port: number;
  warning?: string;
}

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

/** The listening address from `--host` and the port (`--port`, else PORT, else 8080), or why it cannot be used. */
export function listenAddress(host: string | undefined, port: string | undefined): ListenAddress | { error: string } {
  const number = Number(port ?? 8080);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    return { error: `端口應是 1 至 65535 的整數，不是「${port}」(the port must be a whole number from 1 to 65535, not "${port}")` };
  }
  if (host === undefined || host === "127.0.0.1" || host === "localhost") return { host: "127.0.0.1", port: number };
  if (!/^[A-Za-z0-9.:\-[\]]{1,253}$/.test(host)) return { error: `「${host}」不是網絡地址 ("${host}" is not a network address)` };
  const bare = host.replace(/^\[|\]$/g, "");
  return {
    host: bare,
    port: number,
    warning: `注意：在 ${host} 上監聽，同一網絡裡的人都能打開它（網頁編輯器能改寫 content/ 裡的文章）。多人共用請用 Git 服務的登入（README 的 Threat model）。` +
      ` (Warning: listening on ${host}: anyone on the network can open it, and the web editor can change the articles in content/. ` +
      "For a newsroom, use the Git host's sign-in instead; see README, Threat model.)",
  };
}

/** The `host:port` values a request may be addressed to, for a server listening on `host`. */
export function ownHosts(host: string, port: number): Set<string> {
  const names = new Set(LOOPBACK);
  const bracket = (address: string) => (address.includes(":") ? `[${address}]` : address);
  if (WILDCARDS.has(host)) {
    // Every address of this machine is its own, and its name.
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(bracket(i.address.split("%")[0]!));
    names.add(hostname().toLowerCase());
  } else {
    names.add(bracket(host.toLowerCase()));
  }
  return new Set([...names].map((name) => `${name}:${port}`));
}

export type Verdict = { ok: true; pathname: string } | { ok: false; status: number; message: string };

const refused = (status: number, message: string): Verdict => ({ ok: false, status, message });

/** Whether `req` may be answered, and its decoded path when it may. */
export function checkRequest(req: IncomingMessage, hosts: ReadonlySet<string>): Verdict {
  const host = (req.headers.host ?? "").toLowerCase();
  if (!hosts.has(host)) return refused(403, `這個地址不屬於本機的預覽 (a request for "${host}" is not for this server)`);
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, hosts)) {
    return refused(403, `來自別的網頁 (${origin}) 的請求被拒絕 (a request from another page, ${origin}, is refused)`);
  }
  // A browser says where a request comes from even without Origin: nothing cross-site is answered.
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return refused(403, `來自別的網站的請求被拒絕 (a ${site} request is refused)`);
  const pathname = plainPath(req.url ?? "");
  if (pathname === undefined) return refused(400, "網址寫得不對 (the address is not a plain path)");
  return { ok: true, pathname };
}

function isOwnOrigin(origin: string, hosts: ReadonlySet<string>): boolean {
  const m = /^http:\/\/([^/]+)$/.exec(origin.toLowerCase());
  return Boolean(m && hosts.has(m[1]!));
}

/**
 * The decoded path of a request's target, or undefined when it is not an origin-form path (`/a/b?q`), does not
 * decode as UTF-8, or holds a `.` or `..` segment, a backslash or a control character once decoded.
 */
export function plainPath(target: string): string | undefined {
  if (!target.startsWith("/") || target.startsWith("//")) return undefined;
  const raw = target.replace(/[?#].*$/s, "");
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return undefined;
  if (decoded.split("/").some((segment) => segment === "." || segment === "..")) return undefined;
  return decoded;
}
