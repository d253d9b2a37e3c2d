/**
 * /admin/'s own script, loaded before the Decap CMS bundle: it stops Decap from fetching config.yml on its own,
 * then starts it with the configuration printed into the page (src/portal/admin.ts), the local backend of
 * `npm run cms` on this same address, the portal's stylesheet in the preview pane and an article preview laid out
 * as the article page is.
 * https://decapcms.org/docs/manual-initialization/ · https://decapcms.org/docs/customization/
 */

interface Entry {
  getIn(path: string[]): unknown;
}
interface PreviewProps {
  entry: Entry;
  widgetFor(name: string): unknown;
}
interface DecapGlobal {
  init(options: { config: Record<string, unknown> }): void;
  registerPreviewStyle(href: string): void;
  registerPreviewTemplate(name: string, component: unknown): void;
}
type H = (tag: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

const w = window as unknown as {
  CMS_MANUAL_INIT?: boolean;
  /** Set by `npm run cms` on every page it serves: the path of its local backend. */
  broadsheetLocalBackend?: string;
  CMS?: DecapGlobal;
  h?: H;
  createClass?: (spec: { render(this: { props: PreviewProps }): unknown }) => unknown;
};
w.CMS_MANUAL_INIT = true;

/** The labels the preview's meta line uses, printed into the page in the site's script. */
interface Labels {
  source: string;
  author: string;
  published: string;
  channel: string;
  editor: string;
}

function start(): void {
  const cms = w.CMS;
  const configNode = document.getElementById("cms-config");
  if (!cms || !configNode) return;
  const page = JSON.parse(configNode.textContent ?? "{}") as { config: Record<string, unknown>; stylesheet: string; labels: Labels; finder: FinderText };
  // `npm run cms` answers on the page's own address, which it marks; the published site has no local backend.
  const local = w.broadsheetLocalBackend;
  const config = {
    ...page.config, load_config_file: false,
    local_backend: local ? { url: `${location.origin}${local}`, allowed_hosts: [location.hostname] } : false,
  };
  cms.registerPreviewStyle(page.stylesheet);
  const { h, createClass } = w;
  if (h && createClass) {
    const text = (entry: Entry, field: string) => {
      const value = entry.getIn(["data", field]);
      return typeof value === "string" ? value : "";
    };
    const meta = (label: string, value: string) => (value ? h("span", null, `${label}：${value}`) : null);
    const preview = createClass({
      render() {
        const { entry, widgetFor } = this.props;
        const l = page.labels;
        return h("main", { id: "main", className: "main" },
          h("article", { className: "article" },
            h("h1", null, text(entry, "title")),
            h("p", { className: "article__meta" },
              meta(l.source, text(entry, "source")), meta(l.author, text(entry, "author")),
              meta(l.published, text(entry, "date")), meta(l.channel, text(entry, "channel"))),
            h("div", { className: "article__body" }, widgetFor("body")),
            text(entry, "editor") ? h("p", { className: "article__editor" }, `${l.editor}：${text(entry, "editor")}`) : null));
      },
    });
    cms.registerPreviewTemplate("articles", preview);
  }
  cms.init({ config });
  addFinder(local, page.finder);
}

/** The finder's words, in the site's script (printed into the page by src/portal/admin.ts). */
interface FinderText {
  open: string;
  label: string;
  none: string;
  elsewhere: string;
  search: string;
}

interface Found {
  title: string;
  date: string;
  collection: string;
  entry: string;
}

/**
 * 尋找文章: a button at the corner of the editor that finds articles by words of their headline, in every month, and
 * opens the one chosen in its collection. With `npm run cms` the server finds them (src/server/article-finder.ts);
 * on the published site, where the editor saves through a Git host, the portal's own search page finds them.
 */
function addFinder(local: string | undefined, text: FinderText): void {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = text.open;
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "position:fixed;right:16px;bottom:16px;z-index:10000;padding:10px 16px;font-size:16px;border-radius:6px;" +
    "border:1px solid #888;background:#fff;color:#222;cursor:pointer";
  const panel = document.createElement("div");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", text.open);
  panel.hidden = true;
  panel.style.cssText = "position:fixed;right:16px;bottom:64px;z-index:10000;width:min(480px,calc(100vw - 32px));max-height:60vh;" +
    "overflow:auto;padding:12px;background:#fff;color:#222;border:1px solid #888;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.2)";
  const label = document.createElement("label");
  label.textContent = text.label;
  label.style.display = "block";
  const input = document.createElement("input");
  input.type = "search";
  input.style.cssText = "display:block;width:100%;margin:6px 0;padding:6px;font-size:16px;box-sizing:border-box";
  label.append(input);
  const list = document.createElement("ul");
  list.style.cssText = "list-style:none;margin:0;padding:0";
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  panel.append(label, status, list);
  document.body.append(panel, button);
  button.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden) input.focus();
  });
  if (!local) {
    // No server of ours: the portal's search page finds the article; its date says which month to open.
    status.textContent = text.elsewhere;
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") window.open(`../search/?q=${encodeURIComponent(input.value)}`, "_blank", "noopener");
    });
    return;
  }
  let timer: number | undefined;
  let asked = 0;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mine = ++asked;
      status.textContent = text.search;
      const response = await fetch(local, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ action: "findArticles", params: { words: input.value } }),
      });
      const found = response.ok ? (await response.json()) as Found[] : [];
      if (mine !== asked) return;
      status.textContent = found.length === 0 && input.value.trim() ? text.none : "";
      list.replaceChildren(...found.map((f) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `#/collections/${encodeURIComponent(f.collection)}/entries/${encodeURIComponent(f.entry)}`;
        link.textContent = f.title;
        link.style.cssText = "display:block;padding:6px 0;color:#0645ad";
        link.addEventListener("click", () => {
          panel.hidden = true;
          button.setAttribute("aria-expanded", "false");
        });
        const date = document.createElement("small");
        date.textContent = ` ${f.date}`;
        item.append(link, date);
        return item;
      }));
    }, 250);
  });
}

// Classic scripts run in order before DOMContentLoaded: by then the Decap bundle after this one has run.
document.addEventListener("DOMContentLoaded", start);
