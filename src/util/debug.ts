/**
 * Named debug channels, one per module (`broadsheet:search`, `broadsheet:cache` …), for the details the build's
 * report leaves out. `DEBUG=broadsheet:search npm run build` turns one on, `DEBUG=broadsheet:*` all of them; several
 * patterns are separated by commas. Lines go to standard error, prefixed with their channel.
 */
export type Debug = ((line: string) => void) & { enabled: boolean };

export function debug(channel: string, env: NodeJS.ProcessEnv = process.env): Debug {
  const name = `broadsheet:${channel}`;
  const enabled = (env.DEBUG ?? "").split(/[\s,]+/).filter(Boolean).some((pattern) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(name));
  const print = (line: string) => {
    if (enabled) process.stderr.write(`${name} ${line}\n`);
  };
  return Object.assign(print, { enabled });
}

