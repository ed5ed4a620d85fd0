// Starts GOV.UK Frontend's components. Loaded as a module, so browsers
// too old for GOV.UK Frontend's JavaScript skip it and get the plain pages.
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
