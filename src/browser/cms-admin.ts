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
  const page = JSON.parse(configNode.textContent ?? "{}") as { config: Record<string, unknown>; stylesheet: string; labels: Labels };
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
}

// Classic scripts run in order before DOMContentLoaded: by then the Decap bundle after this one has run.
document.addEventListener("DOMContentLoaded", start);
