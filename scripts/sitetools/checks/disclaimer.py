"""The disclaimer on every page, and review dates on every written page."""

from __future__ import annotations

from urllib.parse import urljoin

from ..building import search_documents
from ..problems import Problem, line_of
from ..site import Site

DISCLAIMER = "This information is not a substitute for professional medical advice."
DOCTOR_PAGE = "when-to-see-a-doctor/"
OVERRIDE = "overrides/partials/disclaimer.html"


def check_disclaimer(site: Site) -> list[Problem]:
    problems = []
    for page in site.pages:
        box = page.soup.select_one(".site-disclaimer")
        text = " ".join(box.get_text(" ").split()) if box else ""
        if DISCLAIMER not in text:
            problems.append(Problem(page.name, f'The page does not show the medical disclaimer "{DISCLAIMER}"',
                                    f"The site adds the disclaimer to every page from {OVERRIDE}. Undo any change that "
                                    "removed it there or in overrides/main.html; pages themselves never need it."))
        elif not any(urljoin("/" + page.url_path, a.get("href", "")).endswith("/" + DOCTOR_PAGE) for a in box.select("a")):
            problems.append(Problem(page.name, "The disclaimer has no link to the 'When to see a doctor' page.",
                                    f"Put back the link to {DOCTOR_PAGE} in {OVERRIDE}."))
    for page in site.content_pages:
        dates = page.soup.select_one(".site-review-dates")
        text = dates.get_text(" ") if dates else ""
        for label in ("Page last reviewed", "Next review due"):
            if label not in text:
                problems.append(Problem(page.name, f'The page does not show "{label}" under its text.',
                                        'Add both review dates to the front matter at the top of the page: '
                                        '"last_reviewed: YYYY-MM-DD" and "next_review: YYYY-MM-DD".', 1 if page.source else None))
    # The search index, in either builder's format (sitetools.building).
    for doc in search_documents(site.root):
        if "not a substitute for professional medical advice" in doc.get("text", ""):
            page = site.page(doc["location"].split("#")[0] + "index.html")
            source = page.source if page else None
            problems.append(Problem(
                page.name if source else f"search result for {doc['location'] or 'home'}",
                "The disclaimer shows up in search results as if it were page text.",
                f"Delete the disclaimer from the page's text: the site adds it from {OVERRIDE}.",
                line_of(source, "not a substitute")))
    return problems
