// Copies the parts of GOV.UK Frontend that the site serves (its compiled
// JavaScript, fonts, images and manifest) into static/build/govuk, so that
// collectstatic picks up only what browsers need, not the package's sources.
import { cpSync, mkdirSync } from "node:fs";

const source = "node_modules/govuk-frontend/dist/govuk";
const target = "static/build/govuk";

mkdirSync(target, { recursive: true });
cpSync(`${source}/govuk-frontend.min.js`, `${target}/govuk-frontend.min.js`);
cpSync(`${source}/assets`, `${target}/assets`, { recursive: true });
