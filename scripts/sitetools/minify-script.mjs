// Minifies one script with terser (pinned in package.json): reads the
// script on stdin, the options as JSON in argv[2], writes the result to stdout.
// Run by scripts/sitetools/bundle_log.py.
import { minify } from "terser";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { code } = await minify(Buffer.concat(chunks).toString("utf8"), JSON.parse(process.argv[2]));
process.stdout.write(code);
