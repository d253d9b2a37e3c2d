/** Schema issues as editors read them: one problem per field, on the line where the field stands. */
import type { z } from "zod";
import { unknownFieldMessage } from "./article-schema.ts";
import { closest, type Problem } from "./problems.ts";
import type { FrontMatter } from "./source-file.ts";

/** Turns schema issues into one problem per field, on the line where the field stands. */
export function schemaProblems(error: z.ZodError, fm: FrontMatter, file: string, fields: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          severity: "error", file, line: fm.lines[key] ?? 1, field: key,
          message: unknownFieldMessage(key, closest(key, fields), fields),
        });
      }
      continue;
    }
    const field = issue.path.map(String).join(".") || "front-matter";
    const top = String(issue.path[0] ?? "");
    problems.push({ severity: "error", file, line: fm.lines[top] ?? 1, field, message: issue.message });
  }
  return problems;
}
