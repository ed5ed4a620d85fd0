// Copies the part of GOV.UK Frontend that the site serves (its compiled
// JavaScript) into static/build/govuk, so that collectstatic picks up only
// what browsers need, not the package's sources. Its assets folder stays
// behind: its font (GDS Transport), crest, icons and manifest are GOV.UK's, and
// this site is not on GOV.UK (our own icons and manifest are in static/public).
import { cpSync, mkdirSync, rmSync } from "node:fs";

const source = "node_modules/govuk-frontend/dist/govuk";
const target = "static/build/govuk";

// Emptied first, so that files an earlier build copied (GOV.UK's font and
// crest, before this site had a brand of its own) are not published again.
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(`${source}/govuk-frontend.min.js`, `${target}/govuk-frontend.min.js`);

// GOV.UK's accessible autocomplete, which turns the organisation <select> of
// the sign-up journey into a searchable box when JavaScript runs. The source
// maps go too: the minified files name them, and the hashing storage checks.
const autocompleteSource = "node_modules/accessible-autocomplete/dist";
const autocompleteTarget = "static/build/accessible-autocomplete";
mkdirSync(autocompleteTarget, { recursive: true });
for (const file of [
  "accessible-autocomplete.min.js",
  "accessible-autocomplete.min.js.map",
  "accessible-autocomplete.min.css",
  "accessible-autocomplete.min.css.map",
]) {
  cpSync(`${autocompleteSource}/${file}`, `${autocompleteTarget}/${file}`);
}
