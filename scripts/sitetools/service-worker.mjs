// Writes the site's service worker with Workbox (workbox-build, pinned in
// package.json), from the options service_worker.py passes as JSON.
// Run by scripts/sitetools/service_worker.py; prints what it precached.
import { generateSW } from "workbox-build";

const options = JSON.parse(process.argv[2]);
// JSON has no regular expressions: service_worker.py sends them as sources.
for (const key of ["dontCacheBustURLsMatching"]) {
  if (options[key]) options[key] = new RegExp(options[key]);
}
options.ignoreURLParametersMatching = options.ignoreURLParametersMatching.map((source) => new RegExp(source));

const { count, size, warnings } = await generateSW(options);
for (const warning of warnings) console.error(`Workbox: ${warning}`);
console.log(JSON.stringify({ count, size }));
if (warnings.length) process.exit(1);
