/**
 * `npm run cms`: the web editor on this machine, with no account. Starts Decap CMS's local backend (decap-server,
 * which reads and writes the files of this folder) and the preview, on one address: /admin/ to write, the rest
 * of the site to see the result. The preview forwards the editor's /api/v1 calls to decap-server.
 * https://decapcms.org/docs/working-with-a-local-git-repository/
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { request } from "node:http";
import { startPreview, type Middleware } from "../pipeline/preview-server.ts";
import { freePort } from "../util/free-port.ts";

const port = Number(process.env.PORT ?? 8080);
const root = process.cwd();

const backendPort = await freePort();
const require = createRequire(import.meta.url);
const backend = spawn(process.execPath, [require.resolve("decap-server")], {
  cwd: root,
  // fs mode: saving writes the file in place (no commit); the editor commits, or CI publishes what is on main.
  env: { ...process.env, PORT: String(backendPort), BIND_HOST: "127.0.0.1", MODE: "fs", GIT_REPO_DIRECTORY: root, LOG_LEVEL: "warn" },
  stdio: ["ignore", "inherit", "inherit"],
});
backend.on("exit", (code) => {
  console.error(`cms: 本地後端 decap-server 已停止（${code}）(the local backend stopped)`);
  process.exit(code ?? 1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    backend.kill();
    process.exit(0);
  });
}

/** The editor's calls to /api/v1, passed to decap-server as they are. */
const forward: Middleware = (req, res, next) => {
  if (!req.url?.startsWith("/api/v1")) return next();
  const upstream = request({ host: "127.0.0.1", port: backendPort, path: req.url, method: req.method, headers: req.headers }, (reply) => {
    res.writeHead(reply.statusCode ?? 502, reply.headers);
    reply.pipe(res);
  });
  upstream.on("error", () => {
    res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "decap-server is not answering" }));
  });
  req.pipe(upstream);
};

await startPreview(port, [forward]);
console.log(`網頁編輯器 (web editor): http://localhost:${port}/admin/`);
console.log(`預覽 (preview): http://localhost:${port}/`);
console.log("保存的文章寫在 content/articles/ 下；按 Ctrl+C 停止。(Saved articles land under content/articles/; Ctrl+C stops.)");
