"""The benchmark behind scripts/bench. A script, not a test: it reports figures, it passes nothing.

Default: build the site, serve it gzip-compressed on 127.0.0.1 under its site_url
path, run Lighthouse (mobile profile, simulated slow 4G and a slow phone CPU) on
every page, print a table and write the figures as JSON.

--log: the symptom log with 1,000 entries (about three years): time to open the
page and show the summary with the CPU slowed 4 times, and the bytes stored.
Then a log of 50,000 entries, "Everything" shown: time to save an entry, delete
one, save a backup file, and load that file back into an empty browser.

--builders: MkDocs + Material and Zensical side by side: build time and
bytes per page (--lighthouse adds Lighthouse on each builder's site).

--scale: build 100, 500 and 1000 synthetic pages in a temporary copy of the
project and report how build time, site size, search index and page size grow,
and what Material's navigation features do to the navigation repeated in every page.
"""

# One module per benchmark (lighthouse, precache, scale, big_log, builders) and one
# build for all of them (common.build: the pipeline's own steps, timed); the
# docstring above is ./scripts/bench --help.
